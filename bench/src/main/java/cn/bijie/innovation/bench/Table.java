package cn.bijie.innovation.bench;

import java.io.PrintStream;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/** One result table, printed as Markdown so that a run's output pastes straight into docs/PERFORMANCE.md. */
public final class Table {
    private final String title;
    private final List<String> headers;
    private final List<List<String>> rows = new ArrayList<>();
    private final List<String> notes = new ArrayList<>();

    public Table(String title, String... headers) {
        this.title = title;
        this.headers = List.of(headers);
    }

    public Table row(Object... cells) {
        rows.add(Arrays.stream(cells).map(Table::cell).toList());
        return this;
    }

    public Table note(String note) {
        notes.add(note);
        return this;
    }

    public String title() {
        return title;
    }

    public List<List<String>> rows() {
        return rows;
    }

    public void print(PrintStream out) {
        out.println();
        out.println("### " + title);
        out.println("| " + String.join(" | ", headers) + " |");
        out.println("|" + "---|".repeat(headers.size()));
        for (List<String> row : rows) {
            out.println("| " + String.join(" | ", row) + " |");
        }
        for (String note : notes) {
            out.println();
            out.println(note);
        }
    }

    static String cell(Object value) {
        if (value == null) {
            return "–";
        }
        if (value instanceof Double d) {
            if (d.isNaN()) {
                return "–";
            }
            return d == Math.rint(d) && Math.abs(d) < 1e6 ? String.valueOf(d.longValue()) : String.valueOf(Stats.round(d, 2));
        }
        return String.valueOf(value).replace("|", "\\|");
    }
}
