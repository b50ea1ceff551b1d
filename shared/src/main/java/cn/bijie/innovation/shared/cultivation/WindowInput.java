package cn.bijie.innovation.shared.cultivation;

/** The body of {@code POST /cultivation/windows}: the bureau opens an application window. */
public record WindowInput(String title, String opensOn, String closesOn) {}
