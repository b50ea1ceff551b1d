package cn.bijie.innovation.shared.json;

import static org.assertj.core.api.Assertions.assertThat;

import cn.bijie.innovation.shared.application.ApplicationInput;
import cn.bijie.innovation.shared.application.ApplicationService;
import cn.bijie.innovation.shared.application.ApplicationStatus;
import cn.bijie.innovation.shared.application.InMemoryApplicationStore;
import cn.bijie.innovation.shared.documents.DocumentInput;
import cn.bijie.innovation.shared.documents.DocumentService;
import cn.bijie.innovation.shared.errors.DomainException;
import cn.bijie.innovation.shared.errors.ValidationFailed;
import cn.bijie.innovation.shared.http.Caller;
import cn.bijie.innovation.shared.http.Role;
import cn.bijie.innovation.shared.organization.Organization;
import cn.bijie.innovation.shared.organization.OrganizationInput;
import cn.bijie.innovation.shared.organization.OrganizationService;
import cn.bijie.innovation.shared.organization.OrganizationStore;
import cn.bijie.innovation.shared.policy.Policy;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.lang.reflect.RecordComponent;
import java.math.BigInteger;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/**
 * Every request body the API takes, parsed by {@link Json#read} and then checked by the service that owns it, with
 * arbitrary JSON: the answer is the value or a 4xx {@link DomainException} (mostly {@link ValidationFailed}) — never
 * a NullPointerException, a parse error of another kind, or anything that would become a 500.
 */
class RequestBodyPropertiesTest {
    static final String OWN = "91520500MA6DKQ5X35";
    static final Clock CLOCK = Clock.fixed(Instant.parse("2026-11-25T01:00:00Z"), ZoneOffset.UTC);
    static final ObjectMapper PLAIN = new ObjectMapper();
    static final Caller APPLICANT = new Caller("u1", Set.of(Role.APPLICANT), OWN, "a@example.com");
    static final Caller STAFF = new Caller("s1", Set.of(Role.STAFF), null, "s@example.com");

    /** Values a generator would seldom hit by chance but that reach the deeper rules: codes, dates, sizes. */
    static final List<Object> PLAUSIBLE = List.of(OWN, "91520500MA6DKQ5X36", "HIGH_TECH_ENTERPRISE",
            "TECH_INNOVATION_CENTER", "NATIONAL", "PROVINCIAL", "MUNICIPAL", "2023-11-30", "2099-01-01", "2026-02-30",
            "520502", "NEW_MATERIALS", "SEED", "a@example.com", "application/pdf", "CERTIFICATE", "CERTIFIED",
            "REJECTED", "RETURNED", "FULL", "47DEQpj8HBSa+/TImW+5JCeuQeRkm5NMpJWZG3hSuFU=", "../../etc/passwd",
            " ", "", "\u0000", "x".repeat(5000), 0, -1, 1, 20L * 1024 * 1024 + 1, Long.MAX_VALUE,
            new BigInteger("123456789012345678901234567890"), 1.5, true, false);

    /** A request type: its body class, a body that passes, and the service call that checks it. */
    record RequestType(String name, Class<?> type, Map<String, Object> valid, Consumer<Object> check) {
        List<String> fields() {
            return Arrays.stream(type.getRecordComponents()).map(RecordComponent::getName).toList();
        }
    }

    static List<RequestType> allRequestTypes() {
        InMemoryApplicationStore applications = new InMemoryApplicationStore();
        applications.organizations.put(OWN, new Organization(OWN, "毕节某科技有限公司", "520502", "NEW_MATERIALS",
                "a@example.com", null, "2026-11-01T00:00:00Z"));
        ApplicationService applicationService = new ApplicationService(applications, Policy.active(), CLOCK);
        OrganizationService organizations = new OrganizationService(new OrganizationStore() {
            @Override
            public Optional<Organization> find(String uscc) {
                return Optional.empty();
            }

            @Override
            public void save(Organization before, Organization after, String actor) {
                // kept nowhere: only the checks matter here
            }
        }, Policy.active(), CLOCK);
        // a well-formed id that names no application: a body that passes its checks ends in 404, not in a store
        DocumentService documents = new DocumentService(applicationService, null, null, CLOCK);
        String missingApplication = cn.bijie.innovation.shared.ids.SortableId.next(CLOCK);
        return List.of(
                new RequestType("PUT /organizations/{uscc}", OrganizationInput.class,
                        Map.of("name", "毕节某科技有限公司", "county", "520502", "industry", "NEW_MATERIALS",
                                "contactEmail", "a@example.com"),
                        body -> organizations.put(STAFF, OWN, (OrganizationInput) body)),
                new RequestType("POST /applications", ApplicationInput.class, applicationBody(),
                        body -> applicationService.submit(APPLICANT, (ApplicationInput) body, null)),
                new RequestType("PUT /applications/{applicationId}", ApplicationInput.class, applicationBody(),
                        body -> {
                            var submitted = applications.applications.values().stream()
                                    .filter(a -> a.status() == ApplicationStatus.SUBMITTED).findFirst();
                            applicationService.correct(APPLICANT, submitted.map(a -> a.applicationId())
                                    .orElse(missingApplication), (ApplicationInput) body, null);
                        }),
                new RequestType("POST /applications/{applicationId}/documents", DocumentInput.class,
                        Map.of("fileName", "证书.pdf", "contentType", "application/pdf", "sizeBytes", 1234,
                                "sha256", "47DEQpj8HBSa+/TImW+5JCeuQeRkm5NMpJWZG3hSuFU=", "category", "CERTIFICATE"),
                        body -> documents.create(APPLICANT, missingApplication, (DocumentInput) body, null)));
    }

    static Map<String, Object> applicationBody() {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("uscc", OWN);
        body.put("kind", "HIGH_TECH_ENTERPRISE");
        body.put("level", "NATIONAL");
        body.put("renewal", false);
        body.put("platformName", "毕节某科技有限公司");
        body.put("certificateNo", "GR202352000123");
        body.put("issuedOn", "2023-11-30");
        return body;
    }

    // ------------------------------------------------------------------ properties

    @Property(tries = 300, seed = "20191108")
    void arbitraryJsonObjects_areTheValueOrA4xx(@ForAll("requestTypes") RequestType type,
            @ForAll("jsonValues") Object a, @ForAll("jsonValues") Object b, @ForAll("jsonValues") Object c,
            @ForAll("names") String extra) {
        Map<String, Object> body = new LinkedHashMap<>();
        List<String> fields = type.fields();
        body.put(fields.get(Math.floorMod(String.valueOf(a).hashCode(), fields.size())), a);
        body.put(fields.get(Math.floorMod(String.valueOf(b).hashCode(), fields.size())), b);
        body.put(extra, c);

        assertHandled(type, write(body));
    }

    @Property(tries = 300, seed = "20191108")
    void aValidBodyWithOneFieldReplacedOrDropped_isTheValueOrA4xx(@ForAll("requestTypes") RequestType type,
            @ForAll("jsonValues") Object value, @ForAll("fieldIndexes") int index, @ForAll boolean drop) {
        Map<String, Object> body = new LinkedHashMap<>(type.valid());
        String field = type.fields().get(index % type.fields().size());
        if (drop) {
            body.remove(field);
        } else {
            body.put(field, value);
        }

        assertHandled(type, write(body));
    }

    @Property(tries = 300, seed = "20191108")
    void anyJsonValueAsTheWholeBody_isValidationFailed_unlessItIsAnObject(@ForAll("requestTypes") RequestType type,
            @ForAll("jsonValues") Object value) {
        assertHandled(type, write(value));
    }

    @Property(tries = 300, seed = "20191108")
    void anyText_isParsedOrValidationFailed(@ForAll("requestTypes") RequestType type, @ForAll("texts") String text) {
        try {
            Json.read(text, type.type());
        } catch (ValidationFailed expected) {
            assertThat(expected.details()).isNotEmpty();
        }
    }

    @Property(tries = 50, seed = "20191108")
    void theValidBodies_pass(@ForAll("requestTypes") RequestType type) {
        Object parsed = Json.read(write(type.valid()), type.type());

        assertThat(parsed).isInstanceOf(type.type());
    }

    /** Parsed and checked: either it returns, or it fails with an error of the 4xx family that names its cause. */
    static void assertHandled(RequestType type, String json) {
        try {
            type.check().accept(Json.read(json, type.type()));
        } catch (DomainException e) {
            assertThat(e.status()).as(type.name() + " " + json + " → " + e.code()).isBetween(400, 499);
            if (e instanceof ValidationFailed) {
                assertThat(e.details()).as("the field is named").isNotEmpty();
            }
        }
    }

    // ------------------------------------------------------------------ generators

    @Provide
    Arbitrary<RequestType> requestTypes() {
        return Arbitraries.of(allRequestTypes());
    }

    @Provide
    Arbitrary<Integer> fieldIndexes() {
        return Arbitraries.integers().between(0, 50);
    }

    @Provide
    Arbitrary<String> names() {
        return Arbitraries.oneOf(Arbitraries.strings().ofMaxLength(12),
                Arbitraries.of("uscc", "kind", "owner", "status", "applicationId", "__proto__", ""));
    }

    @Provide
    Arbitrary<String> texts() {
        return Arbitraries.oneOf(Arbitraries.strings().ofMaxLength(200),
                Arbitraries.strings().withChars("{}[]\":,0123456789.eE-+ truefalsnu\\").ofMaxLength(60));
    }

    @Provide
    Arbitrary<Object> jsonValues() {
        return Arbitraries.lazyOf(
                () -> Arbitraries.just(null),
                () -> Arbitraries.of(PLAUSIBLE),
                () -> Arbitraries.strings().ofMaxLength(50).map(s -> (Object) s),
                () -> Arbitraries.longs().map(l -> (Object) l),
                () -> Arbitraries.doubles().map(d -> (Object) d),
                () -> Arbitraries.of(true, false).map(x -> (Object) x),
                () -> jsonValues().list().ofMaxSize(3).map(l -> (Object) l),
                () -> Combinators.combine(names(), jsonValues()).as((k, v) -> {
                    Map<String, Object> m = new LinkedHashMap<>();
                    m.put(k, v);
                    return (Object) m;
                }));
    }

    static String write(Object value) {
        try {
            return PLAIN.writeValueAsString(value);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
