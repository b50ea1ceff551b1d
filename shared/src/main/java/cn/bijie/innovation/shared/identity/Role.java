package cn.bijie.innovation.shared.identity;

import java.util.Locale;
import java.util.Optional;

/** The Cognito groups of API.md. */
public enum Role {
    APPLICANT, STAFF, FINANCE, SUPERVISOR;

    public String group() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static Optional<Role> ofGroup(String group) {
        for (Role role : values()) {
            if (role.group().equals(group)) {
                return Optional.of(role);
            }
        }
        return Optional.empty();
    }
}
