package cn.bijie.innovation.shared.sheet;

import java.util.List;

/** Reads a list file as it was published: XLSX (by its zip signature) or CSV (UTF-8 with or without BOM, GB18030). */
public final class Sheets {
    private Sheets() {}

    public static List<SheetRow> read(byte[] file, SheetLimits limits) {
        if (file.length > limits.maxFileBytes()) {
            throw new SheetRejected("文件超过 " + limits.maxFileBytes() / (1024 * 1024) + " MiB (file too large)");
        }
        if (file.length == 0) {
            throw new SheetRejected("文件为空 (empty file)");
        }
        if (startsWith(file, 0x50, 0x4B, 0x03, 0x04)) {
            return XlsxSheet.read(file, limits);
        }
        if (startsWith(file, 0xD0, 0xCF, 0x11, 0xE0) || startsWith(file, 0x25, 0x50, 0x44, 0x46)) {
            throw new SheetRejected("不是 CSV 或 XLSX 文件（旧版 .xls、PDF 等请另存为 XLSX）(not a CSV or XLSX file)");
        }
        return CsvSheet.read(file, limits);
    }

    private static boolean startsWith(byte[] file, int... signature) {
        if (file.length < signature.length) {
            return false;
        }
        for (int i = 0; i < signature.length; i++) {
            if ((file[i] & 0xFF) != signature[i]) {
                return false;
            }
        }
        return true;
    }
}
