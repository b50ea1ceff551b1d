package cn.bijie.innovation.shared.json;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.fail;

import cn.bijie.innovation.shared.errors.FieldProblem;
import cn.bijie.innovation.shared.errors.ValidationFailed;
import cn.bijie.innovation.shared.json.RequestBodyPropertiesTest.RequestType;
import java.lang.reflect.RecordComponent;
import java.text.Normalizer;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/**
 * The text policy ({@code validation/TextPolicy}) over every free-text field of every request body the API takes:
 * a control or format character anywhere is a 400 that names the field (line breaks only where the field allows
 * them); a required text of nothing but Unicode spaces and format characters is blank; and whatever the client sent,
 * what the service gets is NFC.
 */
class TextPolicyPropertiesTest {

    /** Request type → its free-text fields (ones that reach mail, CSV and staff screens), and which may span lines. */
    static final Map<String, List<String>> FREE_TEXT = Map.of(
            "PUT /organizations/{uscc}", List.of("name"),
            "POST /applications", List.of("platformName", "certificateNo", "notes"),
            "PUT /applications/{applicationId}", List.of("platformName", "certificateNo", "notes"),
            "POST /applications/{applicationId}/documents", List.of("fileName"),
            "POST /applications/{applicationId}/decision", List.of("reason"),
            "POST /certifications", List.of("platformName", "certificateNo", "authority"),
            "POST /certifications/{certificationId}/revocation", List.of("reason"),
            "POST /subsidies/{subsidyId}/disbursement", List.of("voucherNo"));
    static final Set<String> MULTILINE = Set.of("notes", "reason");
    static final Set<String> OPTIONAL = Set.of("notes", "authority");

    /** A request type and one of its free-text fields. */
    record TextField(RequestType type, String field) {
        String valid() {
            Object value = type.valid().get(field);
            return value == null ? "毕节" : value.toString();
        }
    }

    @Property(tries = 400, seed = "20191108")
    void aControlOrFormatCharacterAnywhere_isRefusedNamingTheField(@ForAll("textFields") TextField target,
            @ForAll("hostile") String hostile, @ForAll("positions") int position) {
        if (MULTILINE.contains(target.field()) && hostile.startsWith("\r\n")) {
            return; // a line break is text there (the next property)
        }
        String valid = target.valid();
        int at = valid.offsetByCodePoints(0, position % (valid.codePointCount(0, valid.length()) + 1));
        String value = valid.substring(0, at) + hostile + valid.substring(at);

        assertRefused(target, value);
    }

    @Property(tries = 200, seed = "20191108")
    void aLineBreak_isRefusedWhereTheFieldIsOneLine_andKeptWhereItMaySpanLines(
            @ForAll("textFields") TextField target, @ForAll("lineBreaks") String lineBreak) {
        String value = target.valid() + lineBreak + "第二行";
        if (MULTILINE.contains(target.field())) {
            assertThat(parse(target, value)).isEqualTo(value);
            assertNotRefusedFor(target, value);
        } else {
            assertRefused(target, value);
        }
    }

    @Property(tries = 200, seed = "20191108")
    void onlySpacesAndInvisibleCharacters_isBlank(@ForAll("textFields") TextField target,
            @ForAll("invisible") String invisible) {
        if (OPTIONAL.contains(target.field())) {
            return; // an optional text of format characters is refused by the first property; spaces are no text
        }
        assertRefused(target, invisible);
    }

    @Property(tries = 200, seed = "20191108")
    void whatTheServiceGets_isNfc_howeverTheClientComposedOrEscapedIt(@ForAll("textFields") TextField target,
            @ForAll("decomposable") String text, @ForAll boolean escaped) {
        String decomposed = Normalizer.normalize(text, Normalizer.Form.NFD);
        Map<String, Object> body = new LinkedHashMap<>(target.type().valid());
        body.put(target.field(), "@@");
        String json = RequestBodyPropertiesTest.write(body).replace("\"@@\"",
                "\"" + (escaped ? escape(decomposed) : decomposed) + "\"");

        Object parsed = Json.read(json, target.type().type());

        assertThat(component(parsed, target.field())).isEqualTo(Normalizer.normalize(text, Normalizer.Form.NFC));
    }

    // ------------------------------------------------------------------ checks

    static void assertRefused(TextField target, String value) {
        Map<String, Object> body = new LinkedHashMap<>(target.type().valid());
        body.put(target.field(), value);
        Object parsed = Json.read(RequestBodyPropertiesTest.write(body), target.type().type());
        assertThatThrownBy(() -> target.type().check().accept(parsed))
                .as(target.type().name() + " " + target.field() + " = " + escape(value))
                .isInstanceOfSatisfying(ValidationFailed.class, e -> assertThat(e.details())
                        .extracting(FieldProblem::field).contains(target.field()));
    }

    static void assertNotRefusedFor(TextField target, String value) {
        Map<String, Object> body = new LinkedHashMap<>(target.type().valid());
        body.put(target.field(), value);
        try {
            target.type().check().accept(Json.read(RequestBodyPropertiesTest.write(body), target.type().type()));
        } catch (ValidationFailed e) {
            assertThat(e.details()).extracting(FieldProblem::field).doesNotContain(target.field());
        } catch (RuntimeException e) {
            // past the checks: the store's 404 (RequestBodyPropertiesTest.beyondTheChecks)
        }
    }

    static String parse(TextField target, String value) {
        Map<String, Object> body = new LinkedHashMap<>(target.type().valid());
        body.put(target.field(), value);
        return (String) component(Json.read(RequestBodyPropertiesTest.write(body), target.type().type()),
                target.field());
    }

    static Object component(Object record, String name) {
        for (RecordComponent c : record.getClass().getRecordComponents()) {
            if (c.getName().equals(name)) {
                try {
                    return c.getAccessor().invoke(record);
                } catch (ReflectiveOperationException e) {
                    throw new IllegalStateException(e);
                }
            }
        }
        return fail("no field " + name);
    }

    static String escape(String text) {
        StringBuilder out = new StringBuilder();
        text.chars().forEach(c -> out.append(c < 0x80 && c >= 0x20 && c != '"' && c != '\\' ? String.valueOf((char) c)
                : String.format("\\u%04x", c)));
        return out.toString();
    }

    // ------------------------------------------------------------------ generators

    @Provide
    Arbitrary<TextField> textFields() {
        List<TextField> all = new ArrayList<>();
        for (RequestType type : RequestBodyPropertiesTest.allRequestTypes()) {
            for (String field : FREE_TEXT.getOrDefault(type.name(), List.of())) {
                all.add(new TextField(type, field));
            }
        }
        assertThat(all).extracting(t -> t.type().name()).containsAll(FREE_TEXT.keySet());
        return Arbitraries.of(all);
    }

    @Provide
    Arbitrary<Integer> positions() {
        return Arbitraries.integers().between(0, 1000);
    }

    /** Cc but the line feed, and Cf: NUL, BEL, ESC sequences, a header after CR LF, bidi, zero-width, BOM. */
    @Provide
    Arbitrary<String> hostile() {
        Arbitrary<String> controls = Arbitraries.oneOf(Arbitraries.integers().between(0x00, 0x09),
                Arbitraries.integers().between(0x0B, 0x1F), Arbitraries.integers().between(0x7F, 0x9F))
                .map(Character::toString);
        Arbitrary<String> formats = Arbitraries.of(0x00AD, 0x061C, 0x200B, 0x200C, 0x200D, 0x200E, 0x200F, 0x202A,
                0x202B, 0x202C, 0x202D, 0x202E, 0x2060, 0x2066, 0x2067, 0x2068, 0x2069, 0xFEFF, 0x110BD)
                .map(Character::toString);
        return Arbitraries.oneOf(controls, formats, Arbitraries.of("\u001B[2J", "\r", "\u0000\u0007",
                "\u2028", "\u2029", "\r\nBcc: x@example.org"));
    }

    @Provide
    Arbitrary<String> lineBreaks() {
        return Arbitraries.of("\n", "\r\n");
    }

    @Provide
    Arbitrary<String> invisible() {
        return Arbitraries.of(' ', '\u00A0', '\u2007', '\u202F', '\u3000', '\u2002', '\t', '\u200B', '\uFEFF',
                '\u2060', '\u200D').list().ofMinSize(1).ofMaxSize(6)
                .map(cs -> cs.stream().map(String::valueOf).reduce("", String::concat));
    }

    /** Text whose NFD and NFC differ: accented Latin, Hangul, CJK compatibility ideographs. */
    @Provide
    Arbitrary<String> decomposable() {
        return Combinators.combine(Arbitraries.of("é", "Å", "ñ", "한국", "毕节", "\uF900", "ǅ"),
                Arbitraries.of("科技", "Co.", "", "（毕节）")).as((a, b) -> a + b);
    }
}
