package cn.bijie.innovation.shared.sheet;

import java.util.List;

/** One row of a sheet as the file numbers it (1-based), its cells as text, left to right (absent cells empty). */
public record SheetRow(int number, List<String> cells) {
    public String cell(int column) {
        return column >= 0 && column < cells.size() ? cells.get(column) : "";
    }

    public boolean isBlank() {
        return cells.stream().allMatch(String::isBlank);
    }
}
