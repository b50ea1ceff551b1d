package cn.bijie.innovation.shared.sheet;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipException;
import java.util.zip.ZipInputStream;
import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;

/**
 * The first worksheet of an XLSX file, over {@code java.util.zip} and StAX (no dependency: Apache POI would add
 * ~15 MiB to the jar, a streaming reader library ~0.5 MiB for what is ~250 lines here). Inflating stops at the
 * limits (zip bomb); DTDs and external entities are off (XXE). Cells are text as stored: a formula is never
 * evaluated (its cached value, or {@code =formula} as text when there is none); a date is the stored serial number,
 * which the column's parser reads as a date.
 */
final class XlsxSheet {
    private static final int MAX_ENTRIES = 10_000;
    private static final XMLInputFactory XML = XMLInputFactory.newFactory();

    static {
        XML.setProperty(XMLInputFactory.SUPPORT_DTD, false);
        XML.setProperty(XMLInputFactory.IS_SUPPORTING_EXTERNAL_ENTITIES, false);
    }

    private XlsxSheet() {}

    static List<SheetRow> read(byte[] file, SheetLimits limits) {
        Map<String, byte[]> parts = parts(file, limits);
        String sheet = firstSheet(parts);
        byte[] sheetXml = parts.get(sheet);
        if (sheetXml == null) {
            throw new SheetRejected("XLSX 文件中没有工作表 (no worksheet in the XLSX file)");
        }
        try {
            List<String> strings = parts.containsKey("xl/sharedStrings.xml")
                    ? sharedStrings(parts.get("xl/sharedStrings.xml")) : List.of();
            return rows(sheetXml, strings, limits);
        } catch (XMLStreamException | RuntimeException e) {
            if (e instanceof SheetRejected rejected) {
                throw rejected;
            }
            throw new SheetRejected("XLSX 文件已损坏 (a damaged XLSX file)");
        }
    }

    /** The parts a sheet needs, inflated under the limits. */
    private static Map<String, byte[]> parts(byte[] file, SheetLimits limits) {
        long budget = Math.min(limits.maxInflatedBytes(), (long) file.length * limits.maxInflationRatio() + 1_048_576);
        Map<String, byte[]> parts = new HashMap<>();
        long inflated = 0;
        int entries = 0;
        byte[] buffer = new byte[64 * 1024];
        try (ZipInputStream zip = new ZipInputStream(new ByteArrayInputStream(file))) {
            for (ZipEntry entry; (entry = zip.getNextEntry()) != null; ) {
                if (++entries > MAX_ENTRIES) {
                    throw new SheetRejected("XLSX 文件的部件过多 (too many parts: a zip bomb?)");
                }
                String name = entry.getName();
                boolean wanted = name.equals("xl/workbook.xml") || name.equals("xl/_rels/workbook.xml.rels")
                        || name.equals("xl/sharedStrings.xml") || name.startsWith("xl/worksheets/sheet");
                ByteArrayOutputStream out = wanted ? new ByteArrayOutputStream() : null;
                for (int n; (n = zip.read(buffer)) > 0; ) {
                    inflated += n;
                    if (inflated > budget) {
                        throw new SheetRejected("XLSX 文件解压后过大 (inflates beyond the limit: a zip bomb?)");
                    }
                    if (out != null) {
                        out.write(buffer, 0, n);
                    }
                }
                if (out != null) {
                    parts.put(name, out.toByteArray());
                }
            }
        } catch (ZipException e) {
            throw new SheetRejected("XLSX 文件已损坏 (a damaged XLSX file)");
        } catch (IOException e) {
            throw new SheetRejected("XLSX 文件无法读取 (an unreadable XLSX file)");
        }
        if (!parts.containsKey("xl/workbook.xml")) {
            throw new SheetRejected("不是 XLSX 文件 (a zip file, but not a workbook)");
        }
        return parts;
    }

    /** The worksheet part of the workbook's first sheet (by its relationship), else sheet1.xml. */
    private static String firstSheet(Map<String, byte[]> parts) {
        try {
            String relationId = null;
            XMLStreamReader workbook = XML.createXMLStreamReader(new ByteArrayInputStream(parts.get("xl/workbook.xml")));
            while (workbook.hasNext() && relationId == null) {
                if (workbook.next() == XMLStreamConstants.START_ELEMENT && workbook.getLocalName().equals("sheet")) {
                    for (int i = 0; i < workbook.getAttributeCount(); i++) {
                        if (workbook.getAttributeLocalName(i).equals("id")) {
                            relationId = workbook.getAttributeValue(i);
                        }
                    }
                }
            }
            byte[] rels = parts.get("xl/_rels/workbook.xml.rels");
            if (relationId != null && rels != null) {
                XMLStreamReader reader = XML.createXMLStreamReader(new ByteArrayInputStream(rels));
                while (reader.hasNext()) {
                    if (reader.next() == XMLStreamConstants.START_ELEMENT
                            && relationId.equals(reader.getAttributeValue(null, "Id"))) {
                        String target = reader.getAttributeValue(null, "Target");
                        return target.startsWith("/") ? target.substring(1) : "xl/" + target;
                    }
                }
            }
        } catch (XMLStreamException e) {
            throw new SheetRejected("XLSX 文件已损坏 (a damaged XLSX file)");
        }
        return "xl/worksheets/sheet1.xml";
    }

    private static List<String> sharedStrings(byte[] xml) throws XMLStreamException {
        List<String> strings = new ArrayList<>();
        XMLStreamReader reader = XML.createXMLStreamReader(new ByteArrayInputStream(xml));
        StringBuilder current = null;
        int phonetic = 0;
        while (reader.hasNext()) {
            int event = reader.next();
            if (event == XMLStreamConstants.START_ELEMENT) {
                switch (reader.getLocalName()) {
                    case "si" -> current = new StringBuilder();
                    case "rPh" -> phonetic++;
                    case "t" -> {
                        String text = reader.getElementText();
                        if (current != null && phonetic == 0) {
                            current.append(text);
                        }
                    }
                    default -> { }
                }
            } else if (event == XMLStreamConstants.END_ELEMENT) {
                if (reader.getLocalName().equals("si") && current != null) {
                    strings.add(current.toString());
                    current = null;
                } else if (reader.getLocalName().equals("rPh")) {
                    phonetic--;
                }
            }
        }
        return strings;
    }

    private static List<SheetRow> rows(byte[] xml, List<String> strings, SheetLimits limits)
            throws XMLStreamException {
        List<SheetRow> rows = new ArrayList<>();
        XMLStreamReader reader = XML.createXMLStreamReader(new ByteArrayInputStream(xml));
        List<String> cells = null;
        int rowNumber = 0;
        int column = -1;
        String type = null;
        String value = null;
        String formula = null;
        while (reader.hasNext()) {
            int event = reader.next();
            if (event == XMLStreamConstants.START_ELEMENT) {
                switch (reader.getLocalName()) {
                    case "row" -> {
                        String r = reader.getAttributeValue(null, "r");
                        rowNumber = r != null ? Integer.parseInt(r) : rowNumber + 1;
                        cells = new ArrayList<>();
                        column = -1;
                    }
                    case "c" -> {
                        String ref = reader.getAttributeValue(null, "r");
                        column = ref != null ? column(ref) : column + 1;
                        type = reader.getAttributeValue(null, "t");
                        value = null;
                        formula = null;
                    }
                    case "v" -> value = reader.getElementText();
                    case "f" -> formula = reader.getElementText();
                    case "t" -> value = (value == null ? "" : value) + reader.getElementText();
                    default -> { }
                }
            } else if (event == XMLStreamConstants.END_ELEMENT) {
                if (reader.getLocalName().equals("c") && cells != null) {
                    while (cells.size() < column) {
                        cells.add("");
                    }
                    String text = text(type, value, formula, strings);
                    if (column < cells.size()) {
                        cells.set(column, text);
                    } else {
                        cells.add(text);
                    }
                } else if (reader.getLocalName().equals("row") && cells != null) {
                    if (rows.size() >= limits.maxRows()) {
                        throw new SheetRejected("超过 " + limits.maxRows() + " 行 (too many rows)");
                    }
                    rows.add(new SheetRow(rowNumber, List.copyOf(cells)));
                    cells = null;
                }
            }
        }
        return rows;
    }

    private static String text(String type, String value, String formula, List<String> strings) {
        if (value == null) {
            return formula == null ? "" : "=" + formula;
        }
        if ("s".equals(type)) {
            int index = Integer.parseInt(value.strip());
            if (index < 0 || index >= strings.size()) {
                throw new SheetRejected("XLSX 文件已损坏 (a shared string that does not exist)");
            }
            return strings.get(index);
        }
        if ("b".equals(type)) {
            return "1".equals(value) ? "TRUE" : "FALSE";
        }
        return value;
    }

    /** {@code "AB12"} → 27 (0-based column). */
    static int column(String reference) {
        int column = 0;
        for (int i = 0; i < reference.length() && Character.isLetter(reference.charAt(i)); i++) {
            column = column * 26 + (Character.toUpperCase(reference.charAt(i)) - 'A' + 1);
        }
        if (column <= 0 || column > 16_384) {
            throw new SheetRejected("XLSX 文件已损坏 (a bad cell reference)");
        }
        return column - 1;
    }
}
