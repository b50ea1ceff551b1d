package cn.bijie.innovation.shared.notification;

import cn.bijie.innovation.shared.errors.NotFound;
import cn.bijie.innovation.shared.identity.Caller;
import cn.bijie.innovation.shared.identity.Role;
import cn.bijie.innovation.shared.paging.Page;
import cn.bijie.innovation.shared.paging.PageToken;
import cn.bijie.innovation.shared.paging.Slice;
import cn.bijie.innovation.shared.validation.Validator;

/**
 * {@code GET /organizations/{uscc}/notifications}: an applicant reads its own organisation's (another's is a 404, no
 * hint), staff and supervisors any; finance has no business with them.
 */
public final class NotificationService {
    private final NotificationStore store;
    private final PageToken tokens;

    public NotificationService(NotificationStore store, PageToken tokens) {
        this.store = store;
        this.tokens = tokens;
    }

    public Page<Notification> list(Caller caller, String uscc, String limit, String nextToken) {
        Validator v = new Validator();
        v.uscc("uscc", uscc);
        v.throwIfAny();
        int pageSize = Page.limit(limit);
        if (!caller.has(Role.STAFF) && !caller.has(Role.SUPERVISOR)) {
            caller.requireAny(Role.APPLICANT);
            if (!caller.actsFor(uscc)) {
                throw new NotFound("组织不存在 (not found)");
            }
        }
        String fingerprint = "GET /organizations/" + uscc + "/notifications";
        Slice<Notification> slice = store.list(uscc, pageSize, tokens.open(nextToken, caller.sub(), fingerprint));
        return new Page<>(slice.items(), tokens.issue(slice.lastKey(), caller.sub(), fingerprint));
    }
}
