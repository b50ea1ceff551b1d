package cn.bijie.innovation.shared.imports;

import cn.bijie.innovation.shared.json.Json;
import cn.bijie.innovation.shared.sheet.SheetRow;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** The header map of the recognition lists ({@code imports/list-headers.json}): configuration, not code. */
public record ListHeaders(String description, int headerSearchRows, Map<String, List<String>> fields,
        Map<String, String> levels, Map<String, String> kinds, Bijie bijie) {

    public record Bijie(List<String> cityNames, String usccRegionPrefix) {}

    /** Where the header row is and which column holds which field. */
    public record Layout(int headerIndex, Map<ListField, Integer> columns) {
        public boolean has(ListField field) {
            return columns.containsKey(field);
        }
    }

    private static final ListHeaders DEFAULT = load();

    public static ListHeaders standard() {
        return DEFAULT;
    }

    static ListHeaders load() {
        try (InputStream in = ListHeaders.class.getResourceAsStream("/imports/list-headers.json")) {
            return Json.MAPPER.readValue(in, ListHeaders.class);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * The first row among the first {@link #headerSearchRows} that names the organisation (企业名称 or 统一社会信用代码
     * …) and at least one other known column; title rows above it (merged cells, the notice's 文号) are passed over.
     */
    public Optional<Layout> layout(List<SheetRow> rows) {
        for (int i = 0; i < Math.min(rows.size(), headerSearchRows); i++) {
            Map<ListField, Integer> columns = new EnumMap<>(ListField.class);
            List<String> cells = rows.get(i).cells();
            for (int c = 0; c < cells.size(); c++) {
                String header = Names.normalise(cells.get(c));
                for (ListField field : ListField.values()) {
                    List<String> names = fields.getOrDefault(field.key(), List.of());
                    if (!columns.containsKey(field) && names.stream().anyMatch(n -> Names.normalise(n).equals(header))) {
                        columns.put(field, c);
                    }
                }
            }
            if ((columns.containsKey(ListField.NAME) || columns.containsKey(ListField.USCC)) && columns.size() >= 2) {
                return Optional.of(new Layout(i, columns));
            }
        }
        return Optional.empty();
    }

    public Optional<String> level(String text) {
        return Optional.ofNullable(levels.get(Names.normalise(text)));
    }

    public Optional<String> kind(String text) {
        return Optional.ofNullable(kinds.get(Names.normalise(text)));
    }
}
