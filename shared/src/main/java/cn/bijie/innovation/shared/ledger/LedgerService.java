package cn.bijie.innovation.shared.ledger;

import cn.bijie.innovation.shared.identity.Caller;
import cn.bijie.innovation.shared.identity.Role;
import cn.bijie.innovation.shared.policy.Policy;
import cn.bijie.innovation.shared.policy.PolicyParameterStore;
import cn.bijie.innovation.shared.policy.PolicyParameters;
import cn.bijie.innovation.shared.subsidy.SubsidyStatus;
import cn.bijie.innovation.shared.time.Shanghai;
import java.time.Clock;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The finance ledger (from its counters) and the 12-month forecast: finance and supervisors. */
public final class LedgerService {
    static final String RENEWED_KIND = "HIGH_TECH_ENTERPRISE";
    private static final String BOM = "\uFEFF";

    private final LedgerStore store;
    private final PolicyParameterStore parameters;
    private final Policy policy;
    private final Clock clock;

    public LedgerService(LedgerStore store, PolicyParameterStore parameters, Policy policy, Clock clock) {
        this.store = store;
        this.parameters = parameters;
        this.policy = policy;
        this.clock = clock;
    }

    /** {@code GET /ledger}. */
    public Ledger ledger(Caller caller) {
        caller.requireAny(Role.FINANCE, Role.SUPERVISOR);
        List<LedgerCount> counts = store.totals().stream().filter(c -> c.count() != 0 || c.yuan() != 0)
                .sorted(Comparator.comparing(LedgerCount::dimension).thenComparing(LedgerCount::value)
                        .thenComparing(LedgerCount::status))
                .toList();
        Map<String, Ledger.Sum> all = new LinkedHashMap<>();
        counts.stream().filter(c -> c.dimension().equals("all"))
                .forEach(c -> all.put(c.status(), new Ledger.Sum(c.count(), c.yuan())));
        List<Ledger.Pending> pending = new ArrayList<>();
        for (LedgerCount c : counts) {
            if (c.dimension().equals("rule") && c.status().equals(SubsidyStatus.PENDING_AMOUNT.name())
                    && c.count() > 0) {
                String parameter = policy.rules().stream().filter(r -> r.id().equals(c.value()))
                        .map(Policy.Rule::amountParameter).findFirst().orElse(null);
                pending.add(new Ledger.Pending(c.value(), c.count(), parameter,
                        parameter == null ? null : Policy.fill(policy.notes().pendingAmount(),
                                Map.of("parameter", parameter))));
            }
        }
        Ledger.Sum none = new Ledger.Sum(0, 0);
        return new Ledger(clock.instant().toString(),
                lines(counts, "all"), lines(counts, "year"), lines(counts, "county"), lines(counts, "kind"),
                lines(counts, "rule"),
                new Ledger.Liabilities(all.getOrDefault(SubsidyStatus.AWAITING_PAYMENT.name(), none),
                        all.getOrDefault(SubsidyStatus.AWAITING_NOTICE.name(), none),
                        all.getOrDefault(SubsidyStatus.ON_NOTICE.name(), none),
                        all.getOrDefault(SubsidyStatus.HELD.name(), none), pending),
                lines(counts, "paidYear"));
    }

    private List<Ledger.Line> lines(List<LedgerCount> counts, String dimension) {
        return counts.stream().filter(c -> c.dimension().equals(dimension))
                .map(c -> new Ledger.Line(c.value().isEmpty() ? null : c.value(), name(dimension, c.value()),
                        c.status(), c.count(), c.yuan()))
                .toList();
    }

    private String name(String dimension, String value) {
        return switch (dimension) {
            case "county" -> policy.counties().stream().filter(c -> c.code().equals(value))
                    .map(Policy.Code::name).findFirst().orElse(null);
            case "kind" -> policy.kind(value).map(Policy.Kind::name).orElse(null);
            case "rule" -> policy.rules().stream().filter(r -> r.id().equals(value))
                    .map(r -> "实施方案" + r.clause()).findFirst().orElse(null);
            default -> null;
        };
    }

    /** {@code GET /ledger?format=csv}: one row per counter, UTF-8 with a BOM for the spreadsheet. */
    public String csv(Caller caller) {
        Ledger ledger = ledger(caller);
        StringBuilder csv = new StringBuilder(BOM).append("维度,值,名称,状态,笔数,金额(元)\r\n");
        row(csv, "全部", ledger.byStatus());
        row(csv, "年度", ledger.byYear());
        row(csv, "区县", ledger.byCounty());
        row(csv, "认定类型", ledger.byKind());
        row(csv, "补助规则", ledger.byRule());
        row(csv, "拨付年度", ledger.paidPerYear());
        return csv.toString();
    }

    private static void row(StringBuilder csv, String dimension, List<Ledger.Line> lines) {
        for (Ledger.Line line : lines) {
            csv.append(dimension).append(',').append(cell(line.value())).append(',').append(cell(line.name()))
                    .append(',').append(line.status()).append(',').append(line.count()).append(',')
                    .append(line.yuan()).append("\r\n");
        }
    }

    /** A cell as text: quoted when it needs it, and never a formula. */
    static String cell(String value) {
        if (value == null) {
            return "";
        }
        String text = value;
        if (!text.isEmpty() && "=+-@".indexOf(text.charAt(0)) >= 0) {
            text = "'" + text;
        }
        return text.contains(",") || text.contains("\"") || text.contains("\n")
                ? "\"" + text.replace("\"", "\"\"") + "\"" : text;
    }

    /** {@code GET /ledger/forecast}: the 12 months from the current one. */
    public Forecast forecast(Caller caller) {
        caller.requireAny(Role.FINANCE, Role.SUPERVISOR);
        LocalDate today = Shanghai.today(clock);
        YearMonth first = YearMonth.from(today);
        YearMonth end = first.plusMonths(12);
        String parameter = policy.rules().stream().filter(r -> r.kinds().contains(RENEWED_KIND) && r.renewal())
                .map(Policy.Rule::amountParameter).findFirst().orElse(null);
        Long renewalYuan = parameter == null ? null
                : new PolicyParameters(policy, parameters.load(policy.version())).yuan(parameter);
        Map<YearMonth, int[]> renewals = new LinkedHashMap<>();
        Map<YearMonth, long[]> notices = new LinkedHashMap<>();
        for (YearMonth m = first; m.isBefore(end); m = m.plusMonths(1)) {
            renewals.put(m, new int[1]);
            notices.put(m, new long[2]);
        }
        for (LedgerStore.Expiring e : store.expiring(RENEWED_KIND, today, end.atDay(1))) {
            renewals.get(YearMonth.from(LocalDate.parse(e.expiresOn())))[0]++;
        }
        for (LedgerStore.Running n : store.runningNotices()) {
            // payable from the day after the notice's last working day
            YearMonth month = YearMonth.from(LocalDate.parse(n.endsOn()).plusDays(1));
            long[] sum = notices.get(month.isBefore(first) ? first : month);
            if (sum != null) {
                sum[0] += n.subsidies();
                sum[1] += n.yuan();
            }
        }
        String unset = "金额未设定：政策参数 " + parameter + " 尚未设定 (amount not set)";
        List<Forecast.Month> months = new ArrayList<>();
        int totalRenewals = 0;
        int totalOnNotice = 0;
        long totalOnNoticeYuan = 0;
        for (YearMonth m : renewals.keySet()) {
            int count = renewals.get(m)[0];
            long[] notice = notices.get(m);
            months.add(new Forecast.Month(m.toString(), count, renewalYuan == null ? null : count * renewalYuan,
                    renewalYuan == null && count > 0 ? unset : null, (int) notice[0], notice[1]));
            totalRenewals += count;
            totalOnNotice += (int) notice[0];
            totalOnNoticeYuan += notice[1];
        }
        List<String> assumptions = List.of(
                "每张到期的高新技术企业证书都按期重新通过认定，并在到期当月获得重新认定补助 (every expiring high-tech "
                        + "enterprise certificate is renewed in the month it expires)",
                renewalYuan == null ? "重新认定补助金额按政策参数 " + parameter + "，目前未设定，故金额为空 (the renewal amount "
                        + "is not set)" : "重新认定补助每笔 " + renewalYuan + " 元，按政策参数 " + parameter + " 的现行设定",
                "公示中的补助在公示期满次日起可拨付，且无异议成立 (subsidies on notice become payable the day after the "
                        + "notice ends, no objection upheld)",
                "不含尚未认定的新认定 (recognitions not yet made are not forecast)");
        return new Forecast(first.toString(), end.minusMonths(1).toString(), months,
                new Forecast.Totals(totalRenewals, renewalYuan == null ? null : totalRenewals * renewalYuan,
                        totalOnNotice, totalOnNoticeYuan),
                assumptions);
    }
}
