package cn.bijie.innovation.shared.application;

import java.util.Optional;

/**
 * Where an application stands. The applicant moves it {@code SUBMITTED → WITHDRAWN}, {@code RETURNED → SUBMITTED}
 * (a corrected body) and {@code RETURNED → WITHDRAWN}; staff decide {@code SUBMITTED → CERTIFIED | REJECTED | RETURNED}.
 */
public enum ApplicationStatus {
    SUBMITTED, RETURNED, CERTIFIED, REJECTED, WITHDRAWN;

    /** The owner may correct and resubmit only what staff sent back. */
    public boolean correctable() {
        return this == RETURNED;
    }

    /** Still open: the owner may withdraw it and attach documents. */
    public boolean open() {
        return this == SUBMITTED || this == RETURNED;
    }

    public static Optional<ApplicationStatus> parse(String value) {
        for (ApplicationStatus status : values()) {
            if (status.name().equals(value)) {
                return Optional.of(status);
            }
        }
        return Optional.empty();
    }
}
