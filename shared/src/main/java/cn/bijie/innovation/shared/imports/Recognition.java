package cn.bijie.innovation.shared.imports;

import java.time.LocalDate;

/**
 * A checked row of a Bijie organisation: {@code uscc} null when the list names it only (matched by name), {@code
 * county} null when neither the row nor the code places it.
 */
public record Recognition(int row, String uscc, String name, String county, String kind, String level,
        String platformName, String certificateNo, LocalDate issuedOn) {}
