package cn.bijie.innovation.shared.sheet;

/**
 * What a list file may cost to read: its size, its rows, and for XLSX (a zip) what its parts may inflate to — in
 * all, and per compressed byte — so a zip bomb stops early instead of filling the heap.
 */
public record SheetLimits(long maxFileBytes, int maxRows, long maxInflatedBytes, int maxInflationRatio) {
    public static final SheetLimits DEFAULT = new SheetLimits(50L * 1024 * 1024, 100_000, 200L * 1024 * 1024, 100);
}
