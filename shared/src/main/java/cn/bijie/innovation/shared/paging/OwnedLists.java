package cn.bijie.innovation.shared.paging;

import cn.bijie.innovation.shared.identity.Caller;
import cn.bijie.innovation.shared.identity.Role;
import java.util.List;
import java.util.function.Function;

/**
 * Lists of records that belong to organisations: the roles that read everything filter as they like; an applicant
 * sees its own organisation's records only, and asking for another organisation's gets an empty page — no hint that
 * any exist.
 */
public final class OwnedLists {
    private OwnedLists() {}

    /** Runs {@code query} with the organisation filter the caller may use (null: all organisations). */
    public static <T> Page<T> list(Caller caller, String requestedUscc, Function<String, Page<T>> query) {
        if (caller.readsAll()) {
            return query.apply(requestedUscc);
        }
        caller.requireAny(Role.APPLICANT);
        if (caller.uscc() == null || requestedUscc != null && !requestedUscc.equals(caller.uscc())) {
            return new Page<>(List.of(), null);
        }
        return query.apply(caller.uscc());
    }
}
