package cn.bijie.innovation.shared.errors;

import java.util.List;

/** Malformed or unacceptable input; {@link #details()} names the fields. */
public final class ValidationFailed extends DomainException {
    public ValidationFailed(String message) {
        super(message, List.of());
    }

    public ValidationFailed(String message, List<FieldProblem> details) {
        super(message, details);
    }

    public static ValidationFailed field(String field, String problem) {
        return new ValidationFailed("请求参数有误 (invalid request): " + field, List.of(new FieldProblem(field, problem)));
    }

    @Override
    public String code() {
        return "VALIDATION_FAILED";
    }

    @Override
    public int status() {
        return 400;
    }
}
