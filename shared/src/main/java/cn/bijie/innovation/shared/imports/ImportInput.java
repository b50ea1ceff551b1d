package cn.bijie.innovation.shared.imports;

/**
 * The body of {@code POST /imports}: the list's kind and level (optional where its rows carry 类别/级别), the batch's
 * name, issuing authority, issue date and document number (文号), and the file about to be uploaded.
 */
public record ImportInput(String kind, String level, String batchName, String authority, String issuedOn,
        String documentNo, String fileName, Long sizeBytes, String sha256) {}
