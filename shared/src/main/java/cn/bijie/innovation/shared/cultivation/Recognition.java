package cn.bijie.innovation.shared.cultivation;

/** A recognition as the table's stream delivers it to the cultivation: enough to count it and to convert. */
public record Recognition(String certificationId, String uscc, String kind, String level, String issuedOn) {}
