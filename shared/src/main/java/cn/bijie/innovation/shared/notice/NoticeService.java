package cn.bijie.innovation.shared.notice;

import cn.bijie.innovation.shared.calendar.WorkingDays;
import cn.bijie.innovation.shared.errors.Conflict;
import cn.bijie.innovation.shared.errors.NotFound;
import cn.bijie.innovation.shared.idempotency.Written;
import cn.bijie.innovation.shared.identity.Caller;
import cn.bijie.innovation.shared.identity.Role;
import cn.bijie.innovation.shared.ids.DerivedId;
import cn.bijie.innovation.shared.ids.SortableId;
import cn.bijie.innovation.shared.paging.ListParameters;
import cn.bijie.innovation.shared.paging.Page;
import cn.bijie.innovation.shared.paging.PageToken;
import cn.bijie.innovation.shared.paging.Slice;
import cn.bijie.innovation.shared.policy.Policy;
import cn.bijie.innovation.shared.retry.Retry;
import cn.bijie.innovation.shared.subsidy.Subsidy;
import cn.bijie.innovation.shared.subsidy.SubsidyStatus;
import cn.bijie.innovation.shared.time.Shanghai;
import cn.bijie.innovation.shared.validation.Validator;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * 公示 before payment: staff open a notice of subsidies whose amount is known; it runs for the policy's number of
 * working days; anyone may object to a listed subsidy; staff uphold or dismiss each objection; the daily run closes a
 * notice after its last working day once every objection is decided: the subsidies then await payment, those under
 * an upheld objection are held with staff's reasons.
 */
public final class NoticeService {
    /**
     * A notice and its subsidies are one transaction within DynamoDB's 100 items: per subsidy its update, its audit
     * entry and its audit chain's head (90); the notice, its entry, its head and the ledger totals (4).
     */
    public static final int MAX_SUBSIDIES = 30;
    static final int MAX_TITLE = 100;
    static final int MAX_OBJECTION = 2000;
    static final int MAX_REASON = 500;
    static final String ACTOR = "notices";
    static final NoticeStore.RateLimits LIMITS = new NoticeStore.RateLimits(5, 200);
    private static final String PUBLIC_READER = "public";

    private final NoticeStore store;
    private final Policy policy;
    private final WorkingDays calendar;
    private final PageToken tokens;
    private final Clock clock;

    public NoticeService(NoticeStore store, Policy policy, WorkingDays calendar, PageToken tokens, Clock clock) {
        this.store = store;
        this.policy = policy;
        this.calendar = calendar;
        this.tokens = tokens;
        this.clock = clock;
    }

    /** {@code POST /notices}: staff; every subsidy must be {@code AWAITING_NOTICE}. */
    public Written<Notice> open(Caller caller, NoticeInput input) {
        caller.requireAny(Role.STAFF);
        Validator v = new Validator();
        v.text("title", input.title(), MAX_TITLE);
        List<String> ids = input.subsidyIds() == null ? List.of() : input.subsidyIds();
        if (ids.isEmpty() || ids.size() > MAX_SUBSIDIES) {
            v.problem("subsidyIds", "须列出 1–" + MAX_SUBSIDIES + " 笔补助 (1 to " + MAX_SUBSIDIES + " subsidies)");
        } else if (new HashSet<>(ids).size() != ids.size()) {
            v.problem("subsidyIds", "不能重复 (must not repeat)");
        } else if (!ids.stream().allMatch(id -> DerivedId.isWellFormed("sub", id))) {
            v.problem("subsidyIds", "含有不存在的补助编号 (names a subsidy that does not exist)");
        }
        v.throwIfAny();
        Map<String, Subsidy> found = store.subsidies(ids);
        List<String> notReady = new ArrayList<>();
        for (String id : ids) {
            Subsidy subsidy = found.get(id);
            if (subsidy == null || subsidy.status() != SubsidyStatus.AWAITING_NOTICE) {
                notReady.add(id);
            }
        }
        if (!notReady.isEmpty()) {
            throw new Conflict("只有金额已确定、待公示(AWAITING_NOTICE)的补助可以公示 (only subsidies awaiting notice can "
                    + "be put on notice): " + String.join(", ", notReady));
        }
        Instant now = clock.instant();
        LocalDate opensOn = Shanghai.dateOf(now);
        int days = policy.notice().workingDays();
        LocalDate endsOn = calendar.plusWorkingDays(opensOn, days);
        List<Subsidy> before = ids.stream().map(found::get).toList();
        Map<String, String> names = store.organizationNames(before.stream().map(Subsidy::uscc).distinct().toList());
        List<NoticeEntry> entries = before.stream().map(s -> new NoticeEntry(s.subsidyId(), s.uscc(),
                names.getOrDefault(s.uscc(), s.uscc()), s.kind(), s.level(), recognition(s), s.amountYuan(), s.rule(),
                clause(s), null, null)).toList();
        Notice notice = new Notice(SortableId.next(clock), input.title().strip(), NoticeStatus.OPEN,
                opensOn.toString(), endsOn.toString(), days, entries, now.toString(), caller.sub(), null);
        List<Subsidy> after = before.stream().map(s -> s.withStatus(SubsidyStatus.ON_NOTICE, s.amountYuan(),
                s.explanation(), s.note())).toList();
        return Written.of(notice, store.open(notice, before, after, caller.sub(), now));
    }

    /** {@code GET /notices}: staff, finance, supervisors. */
    public Page<Notice> list(Caller caller, String status, String limit, String nextToken) {
        caller.requireAny(Role.STAFF, Role.FINANCE, Role.SUPERVISOR);
        return page(caller.sub(), status, limit, nextToken);
    }

    /** {@code GET /notices/{id}} with its objections: staff, finance, supervisors. */
    public NoticeDetail get(Caller caller, String noticeId) {
        caller.requireAny(Role.STAFF, Role.FINANCE, Role.SUPERVISOR);
        Notice notice = find(noticeId);
        return new NoticeDetail(notice, store.objections(noticeId));
    }

    /** A notice as staff read it, with every objection. */
    public record NoticeDetail(Notice notice, List<Objection> objections) {}

    /** {@code GET /public/notices}: anyone; the public view only. */
    public Page<PublicNotice> publicList(String status, String limit, String nextToken) {
        Page<Notice> page = page(PUBLIC_READER, status, limit, nextToken);
        return new Page<>(page.items().stream().map(PublicNotice::of).toList(), page.nextToken());
    }

    /** {@code GET /public/notices/{id}}. */
    public PublicNotice publicGet(String noticeId) {
        return PublicNotice.of(find(noticeId));
    }

    /**
     * {@code POST /public/notices/{id}/objections}: anyone, while the notice runs, against a subsidy it lists. The text
     * is kept as given (HTML is text: nothing ever renders it); {@code source} is the caller's address for the rate
     * limit.
     */
    public Written<Objection> lodge(String noticeId, ObjectionInput input, String source) {
        Validator v = new Validator();
        v.text("subsidyId", input.subsidyId(), 64);
        v.multilineText("text", input.text(), MAX_OBJECTION);
        v.throwIfAny();
        Notice notice = find(noticeId);
        if (notice.entries().stream().noneMatch(e -> e.subsidyId().equals(input.subsidyId()))) {
            throw cn.bijie.innovation.shared.errors.ValidationFailed.field("subsidyId",
                    "该公示未列出这笔补助 (the notice does not list this subsidy)");
        }
        LocalDate today = Shanghai.today(clock);
        if (notice.status() != NoticeStatus.OPEN || today.isAfter(LocalDate.parse(notice.endsOn()))) {
            throw new Conflict("公示期已结束，不再受理异议 (the notice period has ended)");
        }
        Instant now = clock.instant();
        Objection objection = new Objection(SortableId.next(clock), noticeId, input.subsidyId(), input.text(),
                ObjectionStatus.LODGED, now.toString(), null, null, null);
        return Written.of(objection, store.lodge(objection, source, LIMITS, now));
    }

    /** {@code POST /notices/{id}/objections/{objectionId}/decision}: staff, once, before the notice closes. */
    public Written<Objection> decide(Caller caller, String noticeId, String objectionId, ObjectionDecisionInput input) {
        caller.requireAny(Role.STAFF);
        Validator v = new Validator();
        v.code("outcome", input.outcome(), o -> o.equals("UPHELD") || o.equals("DISMISSED"));
        v.multilineText("reason", input.reason(), MAX_REASON);
        v.throwIfAny();
        Notice notice = find(noticeId);
        if (notice.status() != NoticeStatus.OPEN) {
            throw new Conflict("公示已结束 (the notice is closed)");
        }
        Objection before = (SortableId.isWellFormed(objectionId) ? store.objection(noticeId, objectionId)
                : Optional.<Objection>empty()).orElseThrow(() -> new NotFound("异议不存在 (not found)"));
        if (before.status() != ObjectionStatus.LODGED) {
            throw new Conflict("该异议已处理 (the objection is decided already)");
        }
        Objection after = before.decided(ObjectionStatus.valueOf(input.outcome()), caller.sub(),
                clock.instant().toString(), input.reason().strip());
        return Written.of(after, store.decide(before, after, caller.sub(), clock.instant()));
    }

    /**
     * The daily close on the Shanghai date of {@code now}: every open notice whose last working day is before it and
     * whose objections are all decided. Each notice is its own conditional transaction, so a run repeated (or two
     * racing) closes nothing twice.
     */
    public CloseSummary closeEnded(Instant now) {
        LocalDate today = Shanghai.dateOf(now);
        List<String> closed = new ArrayList<>();
        List<String> waiting = new ArrayList<>();
        int awaiting = 0;
        int held = 0;
        for (Notice ended : store.endedBefore(today)) {
            List<Objection> objections = store.objections(ended.noticeId());
            if (objections.stream().anyMatch(o -> o.status() == ObjectionStatus.LODGED)) {
                waiting.add(ended.noticeId());
                continue;
            }
            // a subsidy that changed between the read and the write (revoked meanwhile): read again, close again
            Closing closing = Retry.unitOfWork(() -> closeOne(ended, objections, now));
            if (closing != null) {
                closed.add(ended.noticeId());
                awaiting += closing.awaitingPayment();
                held += closing.held();
            }
        }
        return new CloseSummary(today.toString(), closed, awaiting, held, waiting);
    }

    /** What closing one notice moved. */
    private record Closing(int awaitingPayment, int held) {}

    /** Closes {@code ended} from a fresh read of its subsidies; null when a run before this one closed it. */
    private Closing closeOne(Notice ended, List<Objection> objections, Instant now) {
        Map<String, Subsidy> found = store.subsidies(ended.entries().stream().map(NoticeEntry::subsidyId).toList());
        List<NoticeEntry> entries = new ArrayList<>();
        List<Subsidy> before = new ArrayList<>();
        List<Subsidy> after = new ArrayList<>();
        int toHold = 0;
        for (NoticeEntry entry : ended.entries()) {
            Subsidy subsidy = found.get(entry.subsidyId());
            String upheld = objections.stream().filter(o -> o.status() == ObjectionStatus.UPHELD
                    && o.subsidyId().equals(entry.subsidyId())).map(Objection::reason).reduce((a, b) -> a + "；" + b)
                    .orElse(null);
            if (subsidy == null || subsidy.status() != SubsidyStatus.ON_NOTICE) {
                // cancelled meanwhile (its certification revoked): the notice records what became of it
                entries.add(entry.closed(subsidy == null ? null : subsidy.status().name(), null));
                continue;
            }
            Subsidy moved = upheld != null
                    ? subsidy.withStatus(SubsidyStatus.HELD, subsidy.amountYuan(), subsidy.explanation(),
                            "公示期内异议成立，暂缓拨付：" + upheld)
                    : subsidy.withStatus(SubsidyStatus.AWAITING_PAYMENT, subsidy.amountYuan(), subsidy.explanation(),
                            subsidy.note());
            before.add(subsidy);
            after.add(moved);
            entries.add(entry.closed(moved.status().name(), upheld));
            if (upheld != null) {
                toHold++;
            }
        }
        boolean done = store.close(ended, ended.closed(entries, now.toString()), before, after, ACTOR, now);
        return done ? new Closing(after.size() - toHold, toHold) : null;
    }

    private Page<Notice> page(String reader, String status, String limit, String nextToken) {
        Validator v = new Validator();
        v.optionalCode(ListParameters.STATUS, status, code -> Arrays.stream(NoticeStatus.values())
                .anyMatch(s -> s.name().equals(code)));
        v.throwIfAny();
        int pageSize = Page.limit(limit);
        NoticeStatus wanted = status == null ? null : NoticeStatus.valueOf(status);
        String fingerprint = "notices|" + wanted;
        Slice<Notice> slice = store.list(wanted, pageSize, tokens.open(nextToken, reader, fingerprint));
        return new Page<>(slice.items(), tokens.issue(slice.lastKey(), reader, fingerprint));
    }

    private Notice find(String noticeId) {
        return (SortableId.isWellFormed(noticeId) ? store.find(noticeId) : Optional.<Notice>empty())
                .orElseThrow(() -> new NotFound("公示不存在 (not found)"));
    }

    private String recognition(Subsidy s) {
        String level = policy.levelName(s.level()).orElse(s.level());
        String kind = policy.kind(s.kind()).map(Policy.Kind::name).orElse(s.kind());
        return level + kind + (s.renewal() ? "(重新认定)" : "");
    }

    private String clause(Subsidy s) {
        return policy.rules().stream().filter(r -> r.id().equals(s.rule())).map(Policy.Rule::clause).findFirst()
                .orElse(policy.upgrade().clause());
    }
}
