package cn.bijie.innovation.shared.imports;

import java.time.DateTimeException;
import java.time.LocalDate;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A date as lists write it: {@code 2026-11-20}, {@code 2026/11/20}, {@code 2026.11.20}, {@code 2026年11月20日}, or an
 * Excel serial number (days since 1899-12-30, as XLSX stores a date cell).
 */
public final class ListDates {
    private static final Pattern TEXT = Pattern.compile("(\\d{4})\\s*[-/.年]\\s*(\\d{1,2})\\s*[-/.月]\\s*(\\d{1,2})\\s*日?");
    private static final Pattern SERIAL = Pattern.compile("(\\d{4,6})(\\.0+)?");
    private static final LocalDate EXCEL_EPOCH = LocalDate.of(1899, 12, 30);

    private ListDates() {}

    public static Optional<LocalDate> parse(String text) {
        String value = Names.normalise(text);
        Matcher m = TEXT.matcher(value);
        try {
            if (m.matches()) {
                return Optional.of(LocalDate.of(Integer.parseInt(m.group(1)), Integer.parseInt(m.group(2)),
                        Integer.parseInt(m.group(3))));
            }
            Matcher serial = SERIAL.matcher(value);
            if (serial.matches()) {
                long days = Long.parseLong(serial.group(1));
                // 1982-01-01 .. 2173: a four-digit number outside is a year or a typing error, not a date
                if (days >= 29_952 && days <= 100_000) {
                    return Optional.of(EXCEL_EPOCH.plusDays(days));
                }
            }
        } catch (DateTimeException e) {
            return Optional.empty();
        }
        return Optional.empty();
    }
}
