package cn.bijie.innovation.shared.subsidy;

import cn.bijie.innovation.shared.errors.Conflict;
import cn.bijie.innovation.shared.errors.NotFound;
import cn.bijie.innovation.shared.idempotency.Written;
import cn.bijie.innovation.shared.identity.Caller;
import cn.bijie.innovation.shared.identity.Role;
import cn.bijie.innovation.shared.ids.DerivedId;
import cn.bijie.innovation.shared.paging.ListParameters;
import cn.bijie.innovation.shared.paging.OwnedLists;
import cn.bijie.innovation.shared.paging.Page;
import cn.bijie.innovation.shared.paging.PageToken;
import cn.bijie.innovation.shared.paging.Slice;
import cn.bijie.innovation.shared.time.Shanghai;
import cn.bijie.innovation.shared.validation.Validator;
import cn.bijie.innovation.shared.errors.ValidationFailed;
import cn.bijie.innovation.shared.policy.Policy;
import java.util.Map;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Arrays;

/** Subsidy reads for every role (an applicant its own), and finance's record of payment. */
public final class SubsidyService {
    static final int MAX_VOUCHER_NO = 64;
    static final long MAX_RECOVERY_YUAN = 1_000_000_000L;

    private final SubsidyStore store;
    private final PageToken tokens;
    private final Clock clock;
    private final Policy policy;

    public SubsidyService(SubsidyStore store, PageToken tokens, Clock clock) {
        this(store, tokens, clock, Policy.active());
    }

    public SubsidyService(SubsidyStore store, PageToken tokens, Clock clock, Policy policy) {
        this.store = store;
        this.tokens = tokens;
        this.clock = clock;
        this.policy = policy;
    }

    /** {@code GET /subsidies}. */
    public Page<Subsidy> list(Caller caller, String uscc, String status, String limit, String nextToken) {
        Validator v = new Validator();
        if (uscc != null) {
            v.uscc("uscc", uscc);
        }
        v.optionalCode(ListParameters.STATUS, status, code -> Arrays.stream(SubsidyStatus.values())
                .anyMatch(s -> s.name().equals(code)));
        v.throwIfAny();
        int pageSize = Page.limit(limit);
        return OwnedLists.list(caller, uscc, visible -> {
            var filter = new SubsidyFilter(visible, status == null ? null : SubsidyStatus.valueOf(status));
            String sub = caller.sub();
            Slice<Subsidy> slice = store.list(filter, pageSize, tokens.open(nextToken, sub, filter.fingerprint()));
            return new Page<>(slice.items(), tokens.issue(slice.lastKey(), sub, filter.fingerprint()));
        });
    }

    /** {@code GET /subsidies/{id}}: another organisation's is a 404 like a missing one. */
    public Subsidy get(Caller caller, String subsidyId) {
        caller.requireAny(Role.values());
        Subsidy subsidy = find(subsidyId).orElseThrow(SubsidyService::notFound);
        caller.requireRead(subsidy.uscc(), "补助");
        return subsidy;
    }

    /** {@code POST /subsidies/{id}/disbursement}: finance, only from {@code AWAITING_PAYMENT}. */
    public Written<Subsidy> disburse(Caller caller, String subsidyId, DisbursementInput input) {
        caller.requireAny(Role.FINANCE);
        Validator v = new Validator();
        LocalDate paidOn = v.date("paidOn", input.paidOn());
        if (paidOn != null && paidOn.isAfter(Shanghai.today(clock))) {
            v.problem("paidOn", "不能晚于今天 (must not be in the future)");
        }
        v.text("voucherNo", input.voucherNo(), MAX_VOUCHER_NO);
        v.throwIfAny();
        Subsidy before = find(subsidyId).orElseThrow(SubsidyService::notFound);
        if (before.status().beforeNoticePassed()) {
            throw new Conflict("补助须经公示期满后才能拨付 (a subsidy cannot be paid before its public notice has passed)");
        }
        Instant now = clock.instant();
        Subsidy after = before.paid(paidOn.toString(), input.voucherNo().strip());
        return Written.of(after, store.disburse(before, after, caller.sub(), now));
    }

    /**
     * {@code POST /subsidies/{id}/recovery}: finance, only from {@code RECOVERY_DUE} (paid, then its recognition was
     * revoked); at most the amount paid.
     */
    public Written<Subsidy> recover(Caller caller, String subsidyId, RecoveryInput input) {
        caller.requireAny(Role.FINANCE);
        Validator v = new Validator();
        if (v.required("amountYuan", input.amountYuan()) && (input.amountYuan() < 1
                || input.amountYuan() > MAX_RECOVERY_YUAN)) {
            v.problem("amountYuan", "须为正整数元 (a whole number of yuan, at least 1)");
        }
        LocalDate recoveredOn = v.date("recoveredOn", input.recoveredOn());
        if (recoveredOn != null && recoveredOn.isAfter(Shanghai.today(clock))) {
            v.problem("recoveredOn", "不能晚于今天 (must not be in the future)");
        }
        v.text("voucherNo", input.voucherNo(), MAX_VOUCHER_NO);
        v.throwIfAny();
        Subsidy before = find(subsidyId).orElseThrow(SubsidyService::notFound);
        if (before.amountYuan() != null && input.amountYuan() > before.amountYuan()) {
            throw ValidationFailed.field("amountYuan", "不能多于已拨付的 " + before.amountYuan()
                    + " 元 (not more than the amount paid)");
        }
        String voucher = input.voucherNo().strip();
        Subsidy after = before.recovered(input.amountYuan(), recoveredOn.toString(), voucher,
                (before.note() == null ? "" : before.note()) + Policy.fill(policy.classificationNotes().recovered(),
                        Map.of("date", recoveredOn, "amountYuan", input.amountYuan(), "voucherNo", voucher)));
        return Written.of(after, store.recover(before, after, caller.sub(), clock.instant()));
    }

    /** A path id of another shape names nothing: 404 without a read. */
    private java.util.Optional<Subsidy> find(String subsidyId) {
        return DerivedId.isWellFormed("sub", subsidyId) ? store.find(subsidyId) : java.util.Optional.empty();
    }

    private static NotFound notFound() {
        return new NotFound("补助不存在 (not found)");
    }
}
