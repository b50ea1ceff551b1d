package cn.bijie.innovation.shared.imports;

import java.time.LocalDate;

/**
 * What the import request says of the whole list, which its rows often do not: the kind and level of recognition
 * (a row's 类别/级别 override them), the batch's issue date and document number (文号, recorded as the certificate
 * number where a row has none, to be completed later) and the issuing authority.
 */
public record Batch(String kind, String level, LocalDate issuedOn, String documentNo, String authority) {}
