package cn.bijie.innovation.shared.sheet;

import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * CSV as spreadsheets in China save it: UTF-8 (with or without BOM) or GB18030, CRLF or LF, RFC 4180 quoting. The
 * encoding is decided by strict decoding, never guessed per cell: a file whose lines are UTF-8 in one place and
 * GB18030 in another is refused as mixed, rather than read with garbled names.
 */
final class CsvSheet {
    private static final Charset GB18030 = Charset.forName("GB18030");

    private CsvSheet() {}

    static List<SheetRow> read(byte[] file, SheetLimits limits) {
        return parse(decode(file), limits);
    }

    static String decode(byte[] file) {
        for (byte b : file) {
            if (b == 0) {
                throw new SheetRejected("不是 CSV 或 XLSX 文件 (binary content: not a CSV or XLSX file)");
            }
        }
        boolean bom = file.length >= 3 && (file[0] & 0xFF) == 0xEF && (file[1] & 0xFF) == 0xBB
                && (file[2] & 0xFF) == 0xBF;
        int start = bom ? 3 : 0;
        String utf8 = strict(StandardCharsets.UTF_8, file, start, file.length - start);
        if (utf8 != null) {
            return utf8;
        }
        if (bom || anyLineIsNonAsciiUtf8(file)) {
            throw new SheetRejected("文件混用了 UTF-8 与 GB18030 编码，请统一另存为一种编码 (mixed encodings)");
        }
        String gb = strict(GB18030, file, 0, file.length);
        if (gb == null) {
            throw new SheetRejected("无法识别文件编码（应为 UTF-8 或 GB18030）(unknown encoding)");
        }
        return gb;
    }

    /** A line with non-ASCII bytes that is valid UTF-8, in a file that is not: the file mixes encodings. */
    private static boolean anyLineIsNonAsciiUtf8(byte[] file) {
        int lineStart = 0;
        boolean nonAscii = false;
        for (int i = 0; i <= file.length; i++) {
            if (i == file.length || file[i] == '\n') {
                if (nonAscii && strict(StandardCharsets.UTF_8, file, lineStart, i - lineStart) != null) {
                    return true;
                }
                lineStart = i + 1;
                nonAscii = false;
            } else if (file[i] < 0) {
                nonAscii = true;
            }
        }
        return false;
    }

    private static String strict(Charset charset, byte[] bytes, int offset, int length) {
        try {
            CharBuffer chars = charset.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(bytes, offset, length));
            return chars.toString();
        } catch (CharacterCodingException e) {
            return null;
        }
    }

    static List<SheetRow> parse(String text, SheetLimits limits) {
        List<SheetRow> rows = new ArrayList<>();
        List<String> cells = new ArrayList<>();
        StringBuilder cell = new StringBuilder();
        boolean quoted = false;
        int line = 1;
        int rowStart = 1;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (quoted) {
                if (c == '"' && i + 1 < text.length() && text.charAt(i + 1) == '"') {
                    cell.append('"');
                    i++;
                } else if (c == '"') {
                    quoted = false;
                } else {
                    if (c == '\n') {
                        line++;
                    }
                    cell.append(c);
                }
            } else if (c == '"' && cell.isEmpty()) {
                quoted = true;
            } else if (c == ',') {
                cells.add(cell.toString());
                cell.setLength(0);
            } else if (c == '\r' || c == '\n') {
                if (c == '\r' && i + 1 < text.length() && text.charAt(i + 1) == '\n') {
                    i++;
                }
                cells.add(cell.toString());
                cell.setLength(0);
                add(rows, rowStart, cells, limits);
                cells = new ArrayList<>();
                line++;
                rowStart = line;
            } else {
                cell.append(c);
            }
        }
        if (!cell.isEmpty() || !cells.isEmpty()) {
            cells.add(cell.toString());
            add(rows, rowStart, cells, limits);
        }
        return rows;
    }

    private static void add(List<SheetRow> rows, int number, List<String> cells, SheetLimits limits) {
        if (rows.size() >= limits.maxRows()) {
            throw new SheetRejected("超过 " + limits.maxRows() + " 行 (too many rows)");
        }
        rows.add(new SheetRow(number, List.copyOf(cells)));
    }
}
