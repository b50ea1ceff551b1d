package cn.bijie.innovation.shared.errors;

/** One field that is wrong and why, as in {@code {"field":"uscc","problem":"校验码错误"}}. */
public record FieldProblem(String field, String problem) {}
