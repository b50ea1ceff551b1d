package cn.bijie.innovation.shared.identity;

import cn.bijie.innovation.shared.errors.Forbidden;
import cn.bijie.innovation.shared.errors.NotFound;
import java.util.Collections;
import java.util.EnumSet;
import java.util.Map;
import java.util.Set;

/** The verified caller: the JWT claims the HTTP API's authorizer handed over. */
public record Caller(String sub, Set<Role> roles, String uscc, String email) {

    public Caller {
        roles = roles.isEmpty() ? Collections.unmodifiableSet(EnumSet.noneOf(Role.class))
                : Collections.unmodifiableSet(EnumSet.copyOf(roles));
    }

    /**
     * Reads the claims as API Gateway passes them: every value a string, and an array claim such as
     * {@code cognito:groups} either as {@code "[staff finance]"} or as a JSON array text {@code ["staff","finance"]}.
     */
    public static Caller fromClaims(Map<String, String> claims) {
        Set<Role> roles = EnumSet.noneOf(Role.class);
        String groups = claims.getOrDefault("cognito:groups", "").trim();
        if (groups.startsWith("[") && groups.endsWith("]")) {
            groups = groups.substring(1, groups.length() - 1);
        }
        for (String group : groups.split("[\\s,]+")) {
            Role.ofGroup(group.replace("\"", "").trim()).ifPresent(roles::add);
        }
        return new Caller(claims.get("sub"), roles, claims.get("custom:uscc"), claims.get("email"));
    }

    public boolean has(Role role) {
        return roles.contains(role);
    }

    /** Staff, finance and supervisors read every organisation's records. */
    public boolean readsAll() {
        return has(Role.STAFF) || has(Role.FINANCE) || has(Role.SUPERVISOR);
    }

    /** An applicant acting for the organisation {@code uscc}. */
    public boolean actsFor(String uscc) {
        return has(Role.APPLICANT) && this.uscc != null && this.uscc.equals(uscc);
    }

    /** May read records of {@code uscc}; an applicant of another organisation sees a plain 404, never a hint. */
    public void requireRead(String uscc, String what) {
        if (!readsAll() && !actsFor(uscc)) {
            throw new NotFound(what + "不存在 (not found)");
        }
    }

    public void requireAny(Role... allowed) {
        for (Role role : allowed) {
            if (has(role)) {
                return;
            }
        }
        throw new Forbidden("当前角色无权执行此操作 (your role may not do this)");
    }
}
