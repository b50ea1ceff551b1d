package cn.bijie.innovation.shared.imports;

/**
 * The body of {@code POST /imports/{importId}/unmatched/{row}}: the organisation a waiting row is of. An existing
 * profile's USCC links it; a USCC without a profile creates one from {@code name} (default: the row's) and
 * {@code county}, marked as created by the import.
 */
public record ReviewInput(String uscc, String name, String county) {}
