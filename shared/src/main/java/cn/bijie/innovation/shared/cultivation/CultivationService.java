package cn.bijie.innovation.shared.cultivation;

import cn.bijie.innovation.shared.errors.Forbidden;
import cn.bijie.innovation.shared.errors.NotFound;
import cn.bijie.innovation.shared.errors.ValidationFailed;
import cn.bijie.innovation.shared.identity.Caller;
import cn.bijie.innovation.shared.identity.Role;
import cn.bijie.innovation.shared.idempotency.Written;
import cn.bijie.innovation.shared.ids.DerivedId;
import cn.bijie.innovation.shared.indicator.IndicatorStore;
import cn.bijie.innovation.shared.mail.Mailer;
import cn.bijie.innovation.shared.mail.SendResult;
import cn.bijie.innovation.shared.organization.Organization;
import cn.bijie.innovation.shared.organization.OrganizationStore;
import cn.bijie.innovation.shared.paging.Page;
import cn.bijie.innovation.shared.paging.PageToken;
import cn.bijie.innovation.shared.paging.Slice;
import cn.bijie.innovation.shared.policy.Policy;
import cn.bijie.innovation.shared.time.Shanghai;
import cn.bijie.innovation.shared.uscc.Uscc;
import cn.bijie.innovation.shared.validation.Validator;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Set;

/**
 * The cultivation of 三(一): staff admit enterprises to the high-tech reserve pool for an intake with the criteria they
 * met, record coaching and the readiness checklist; the stream converts a pool enterprise recognised as a high-tech
 * enterprise; the statistics and the forecast of the targets read counters only.
 */
public final class CultivationService {
    static final int MAX_NOTES = 2000;
    static final int FIRST_INTAKE = 2019;
    static final BigDecimal HUNDRED = BigDecimal.valueOf(100);
    static final long MAX_COUNT = 1_000_000;

    private final CultivationStore store;
    private final OrganizationStore organizations;
    private final Forecasts forecasts;
    private final Policy policy;
    private final CultivationCatalogue catalogue;
    private final PageToken tokens;
    private final Mailer mailer;
    private final Clock clock;

    public CultivationService(CultivationStore store, OrganizationStore organizations, IndicatorStore indicators,
            Policy policy, CultivationCatalogue catalogue, PageToken tokens, Mailer mailer, Clock clock) {
        this.store = store;
        this.mailer = mailer;
        this.organizations = organizations;
        this.forecasts = new Forecasts(store, indicators, policy, catalogue, clock);
        this.policy = policy;
        this.catalogue = catalogue;
        this.tokens = tokens;
        this.clock = clock;
    }

    /** {@code POST /cultivation/pool}. */
    public Written<PoolEntry> addToPool(Caller caller, PoolInput input) {
        caller.requireAny(Role.STAFF);
        Validator v = new Validator();
        v.uscc("uscc", input.uscc());
        int thisYear = Shanghai.today(clock).getYear();
        if (v.required("intake", input.intake()) && (input.intake() < FIRST_INTAKE || input.intake() > thisYear + 1)) {
            v.problem("intake", "入库年度须在 " + FIRST_INTAKE + "–" + (thisYear + 1) + " 之间 (an intake year)");
        }
        if (input.criteria() == null || input.criteria().isEmpty()) {
            v.problem("criteria", "至少记录一项入库条件 (record at least one criterion)");
        } else {
            input.criteria().forEach((code, value) -> criterion(v, code, value));
        }
        v.throwIfAny();
        Organization organization = organizations.find(input.uscc())
                .orElseThrow(() -> new NotFound("组织不存在 (not found)"));
        PoolEntry entry = new PoolEntry(input.uscc(), input.intake(), organization.name(),
                new LinkedHashMap<>(input.criteria()), organization.county(), organization.industry(),
                organization.growthTier(), caller.sub(), clock.instant().toString(), null, null);
        return Written.of(entry, store.addToPool(organization, entry));
    }

    private void criterion(Validator v, String code, String value) {
        String field = "criteria." + code;
        var criterion = catalogue.criterion(code);
        if (criterion.isEmpty()) {
            v.problem(field, "未知入库条件 (unknown criterion)");
            return;
        }
        if (!v.required(field, value)) {
            return;
        }
        boolean ok = switch (criterion.get().type()) {
            case "INDUSTRY" -> policy.isIndustry(value) && !"OTHER".equals(value);
            case "GROWTH_TIER" -> policy.isGrowthTier(value);
            case "PERCENT" -> decimal(value, HUNDRED);
            case "COUNT" -> value.matches("\\d{1,7}") && Long.parseLong(value) <= MAX_COUNT;
            default -> false;
        };
        if (!ok) {
            v.problem(field, switch (criterion.get().type()) {
                case "INDUSTRY" -> "须为方案确定的六大产业之一 (one of the plan's six industries)";
                case "GROWTH_TIER" -> "未知梯队 (unknown growth tier)";
                case "PERCENT" -> "须为 0–100 的数，最多两位小数 (a percentage, at most two decimals)";
                default -> "须为非负整数 (a whole number)";
            });
        }
    }

    private static boolean decimal(String value, BigDecimal max) {
        if (!value.matches("\\d{1,3}(\\.\\d{1,2})?")) {
            return false;
        }
        return new BigDecimal(value).compareTo(max) <= 0;
    }

    /** {@code POST /organizations/{uscc}/coaching}: the same record twice is a conflict (or the replay of its key). */
    public Written<CoachingRecord> recordCoaching(Caller caller, String uscc, CoachingInput input) {
        caller.requireAny(Role.STAFF);
        requireUscc(uscc);
        Validator v = new Validator();
        LocalDate date = v.date("date", input.date());
        if (date != null && date.isAfter(Shanghai.today(clock))) {
            v.problem("date", "辅导日期不能晚于今天 (not in the future)");
        }
        v.code("kind", input.kind(), catalogue::isCoachingKind);
        v.multilineText("notes", input.notes(), MAX_NOTES);
        v.throwIfAny();
        organizations.find(uscc).orElseThrow(() -> new NotFound("组织不存在 (not found)"));
        String notes = input.notes().strip();
        CoachingRecord record = new CoachingRecord(DerivedId.of("coach", uscc, input.date(), input.kind(), notes),
                uscc, input.date(), input.kind(), notes, caller.sub(), clock.instant().toString());
        return Written.of(record, store.addCoaching(record));
    }

    /** {@code PUT /organizations/{uscc}/readiness}: the checklist items the bureau found met (the others lack). */
    public CultivationView setReadiness(Caller caller, String uscc, ReadinessInput input) {
        caller.requireAny(Role.STAFF);
        requireUscc(uscc);
        Validator v = new Validator();
        if (v.required("met", input.met())) {
            Set<String> seen = new HashSet<>();
            for (String code : input.met()) {
                if (code == null || !catalogue.isChecklistItem(code) || !seen.add(code)) {
                    v.problem("met", "未知或重复的清单项 (unknown or repeated item): " + code);
                }
            }
        }
        v.throwIfAny();
        organizations.find(uscc).orElseThrow(() -> new NotFound("组织不存在 (not found)"));
        store.saveReadiness(uscc, List.copyOf(input.met()), caller.sub(), clock.instant().toString());
        return view(uscc);
    }

    /** {@code GET /organizations/{uscc}/cultivation}: staff, finance, supervisors, and the organisation itself. */
    public CultivationView get(Caller caller, String uscc) {
        requireUscc(uscc);
        caller.requireRead(uscc, "组织");
        organizations.find(uscc).orElseThrow(() -> new NotFound("组织不存在 (not found)"));
        return view(uscc);
    }

    private CultivationView view(String uscc) {
        CultivationStore.Cultivated cultivated = store.cultivated(uscc);
        Set<String> met = Set.copyOf(cultivated.met());
        List<CultivationView.ChecklistItem> checklist = catalogue.checklist().items().stream()
                .map(i -> new CultivationView.ChecklistItem(i.code(), i.name(), met.contains(i.code()))).toList();
        return new CultivationView(uscc, cultivated.pool(), cultivated.coaching(), checklist,
                catalogue.checklist().source());
    }

    /** {@code GET /cultivation/pool?intake=…}: staff and supervisors. */
    public Page<PoolEntry> pool(Caller caller, String intake, String limit, String nextToken) {
        caller.requireAny(Role.STAFF, Role.SUPERVISOR);
        if (intake == null || !intake.matches("\\d{4}")) {
            throw ValidationFailed.field("intake", "须为入库年度 (an intake year, YYYY)");
        }
        int pageSize = Page.limit(limit);
        String fingerprint = "pool|" + intake;
        Slice<PoolEntry> slice = store.pool(Integer.parseInt(intake), pageSize,
                tokens.open(nextToken, caller.sub(), fingerprint));
        return new Page<>(slice.items(), tokens.issue(slice.lastKey(), caller.sub(), fingerprint));
    }

    /** {@code GET /cultivation/statistics}: for the leading group — staff, finance, supervisors. */
    public Statistics statistics(Caller caller) {
        if (!caller.readsAll()) {
            throw new Forbidden("当前角色无权执行此操作 (your role may not do this)");
        }
        return new Statistics(store.statistics(), policy, clock.instant());
    }

    /** {@code GET /cultivation/forecast}: the detailed forecast, for staff and supervisors. */
    public List<TargetForecast.Line> forecast(Caller caller, String period) {
        caller.requireAny(Role.STAFF, Role.SUPERVISOR);
        return forecasts.of(period);
    }

    static final int MAX_TITLE = 100;

    /** {@code POST /cultivation/windows}: staff open an application window; the stream then mails the pool. */
    public Written<ApplicationWindow> openWindow(Caller caller, WindowInput input) {
        caller.requireAny(Role.STAFF);
        Validator v = new Validator();
        v.text("title", input.title(), MAX_TITLE);
        LocalDate opens = v.date("opensOn", input.opensOn());
        LocalDate closes = v.date("closesOn", input.closesOn());
        if (opens != null && closes != null && closes.isBefore(opens)) {
            v.problem("closesOn", "截止日期不能早于开始日期 (closes before it opens)");
        }
        if (closes != null && closes.isBefore(Shanghai.today(clock))) {
            v.problem("closesOn", "窗口已结束 (the window has closed already)");
        }
        v.throwIfAny();
        String title = input.title().strip();
        ApplicationWindow window = new ApplicationWindow(DerivedId.of("window", title, input.opensOn(),
                input.closesOn()), title, input.opensOn(), input.closesOn(), caller.sub(), clock.instant().toString());
        return Written.of(window, store.openWindow(window));
    }

    /** What the mail run of one window did. */
    public record WindowMails(int sent, int sentBefore, int failed) {}

    /**
     * The stream's delivery of a window opened: each pool enterprise not converted yet gets one mail, in Chinese,
     * listing the checklist items it still lacks. Marked before it is sent, so a redelivery sends nothing twice; a
     * mail the service failed to take is reported (and not retried: the mark stays).
     */
    public WindowMails windowOpened(ApplicationWindow window) {
        int thisYear = Shanghai.today(clock).getYear();
        int sent = 0;
        int before = 0;
        int failed = 0;
        for (PoolEntry entry : store.openEntries(FIRST_INTAKE, thisYear + 1)) {
            Organization organization = organizations.find(entry.uscc()).orElse(null);
            if (organization == null) {
                continue;
            }
            if (!store.markWindowMail(window.windowId(), entry.uscc(), organization.contactEmail(),
                    clock.instant().toString())) {
                before++;
                continue;
            }
            CultivationView view = view(entry.uscc());
            SendResult result = mailer.send(PoolMails.windowOpened(window, organization, view.lacking(),
                    view.checklistSource()));
            if (result instanceof SendResult.Accepted) {
                sent++;
            } else {
                failed++;
            }
        }
        return new WindowMails(sent, before, failed);
    }

    /** The stream's delivery of a recorded recognition. */
    public CultivationStore.RecognitionOutcome recognised(Recognition recognition) {
        return store.recognised(recognition, catalogue.conversionKind());
    }

    /** The stream's delivery of a certification that stopped being ACTIVE. */
    public void deactivated(String uscc) {
        store.refreshActiveKinds(uscc);
    }

    private static void requireUscc(String uscc) {
        if (!Uscc.isValid(uscc)) {
            throw ValidationFailed.field("uscc", "统一社会信用代码无效或校验码错误 (not a valid USCC: check character)");
        }
    }
}
