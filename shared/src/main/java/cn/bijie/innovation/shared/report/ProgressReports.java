package cn.bijie.innovation.shared.report;

import cn.bijie.innovation.shared.errors.NotFound;
import cn.bijie.innovation.shared.identity.Caller;
import cn.bijie.innovation.shared.identity.Role;
import cn.bijie.innovation.shared.indicator.Counter;
import cn.bijie.innovation.shared.indicator.IndicatorStore;
import cn.bijie.innovation.shared.ledger.LedgerCount;
import cn.bijie.innovation.shared.ledger.LedgerStore;
import cn.bijie.innovation.shared.policy.Policy;
import cn.bijie.innovation.shared.subsidy.SubsidyStatus;
import cn.bijie.innovation.shared.time.Shanghai;
import cn.bijie.innovation.shared.validation.Validator;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The progress report for the leading group: counts from the indicator counters (now) and the daily snapshots (at a
 * date), money from the ledger counters; as JSON, CSV with a BOM, or a printable A4 page with a chart per indicator.
 * Its reads are fixed: the period's counters, two snapshot items, the ledger item.
 */
public final class ProgressReports {
    private final Policy policy;
    private final IndicatorStore indicators;
    private final ReportStore snapshots;
    private final LedgerStore ledger;
    private final Clock clock;

    public ProgressReports(Policy policy, IndicatorStore indicators, ReportStore snapshots, LedgerStore ledger,
            Clock clock) {
        this.policy = policy;
        this.indicators = indicators;
        this.snapshots = snapshots;
        this.ledger = ledger;
        this.clock = clock;
    }

    /** The daily run: a snapshot of every target period's counters, dated the Shanghai day of {@code now}. */
    public void snapshot(Instant now) {
        for (Policy.TargetPeriod period : policy.targetPeriods()) {
            snapshots.snapshot(period.period(), Shanghai.dateOf(now), indicators.counters(period.period()));
        }
    }

    /** {@code GET /reports/progress}: supervisors, staff and finance. */
    public ProgressReport report(Caller caller, String periodName, String at, String previous) {
        caller.requireAny(Role.SUPERVISOR, Role.STAFF, Role.FINANCE);
        Validator v = new Validator();
        String wanted = periodName == null ? policy.targetPeriods().get(0).period() : periodName;
        Optional<Policy.TargetPeriod> found = policy.targetPeriods().stream()
                .filter(p -> p.period().equals(wanted)).findFirst();
        LocalDate atDate = v.optionalDate("at", at);
        LocalDate previousDate = v.optionalDate("previous", previous);
        v.throwIfAny();
        Policy.TargetPeriod period = found.orElseThrow(() -> new NotFound("没有这个目标期 (no such target period): "
                + wanted));
        Map<String, Counter> now = indicators.counters(period.period());
        Optional<ReportStore.Snapshot> atSnap = atDate == null ? Optional.empty()
                : snapshots.snapshotOn(period.period(), atDate);
        Optional<ReportStore.Snapshot> prevSnap = previousDate == null ? Optional.empty()
                : snapshots.snapshotOn(period.period(), previousDate);
        List<LedgerCount> money = ledger.totals();
        List<ProgressReport.IndicatorRow> rows = new ArrayList<>();
        for (Policy.Indicator indicator : period.indicators()) {
            Counter current = now.getOrDefault(indicator.id(), Counter.zero(period.period(), indicator.id()));
            Long atCount = atSnap.map(s -> actual(s, period, indicator.id())).orElse(null);
            Long prevCount = prevSnap.map(s -> actual(s, period, indicator.id())).orElse(null);
            List<ProgressReport.CountyCount> byCounty = new ArrayList<>();
            for (Policy.Code county : policy.counties()) {
                Long countyAt = atSnap.map(s -> counter(s, period, indicator.id()).inCounty(county.code()))
                        .orElse(null);
                Long countyPrev = prevSnap.map(s -> counter(s, period, indicator.id()).inCounty(county.code()))
                        .orElse(null);
                long countyNow = current.inCounty(county.code());
                byCounty.add(new ProgressReport.CountyCount(county.code(), county.name(), countyNow, countyAt,
                        countyPrev, countyPrev == null ? null : countyNow - countyPrev));
            }
            long[] paid = new long[2];
            long[] due = new long[2];
            for (Policy.Counts counts : indicator.counts()) {
                for (String level : counts.levels()) {
                    add(paid, money, SubsidyStatus.PAID, "kindLevel", counts.kind() + "#" + level);
                    add(due, money, SubsidyStatus.AWAITING_PAYMENT, "kindLevel", counts.kind() + "#" + level);
                }
            }
            rows.add(new ProgressReport.IndicatorRow(indicator.id(), indicator.name(), indicator.target(),
                    current.actual(), atCount, prevCount, prevCount == null ? null : current.actual() - prevCount,
                    paid[0], paid[1], due[0], due[1], byCounty));
        }
        List<ProgressReport.CountyRow> counties = new ArrayList<>();
        for (Policy.Code county : policy.counties()) {
            long[] paid = new long[2];
            long[] due = new long[2];
            add(paid, money, SubsidyStatus.PAID, "county", county.code());
            add(due, money, SubsidyStatus.AWAITING_PAYMENT, "county", county.code());
            counties.add(new ProgressReport.CountyRow(county.code(), county.name(), paid[0], paid[1], due[0], due[1]));
        }
        List<String> notes = new ArrayList<>();
        notes.add("“现在”取自实时指标计数；指定日期与上次调度日期的数取自每日快照(当日或之前最近的一份)。");
        notes.add("补助按认定类型与级别归入指标；区县补助为该区县全部类型之和。待拨付指公示期满、等待拨付的补助。");
        if (atDate != null && atSnap.isEmpty()) {
            notes.add("没有 " + atDate + " 当日或之前的快照，该列为空 (no snapshot that old)。");
        }
        if (previousDate != null && prevSnap.isEmpty()) {
            notes.add("没有 " + previousDate + " 当日或之前的快照，变化列为空 (no snapshot that old)。");
        }
        return new ProgressReport(period.period(), clock.instant().toString(), at,
                atSnap.map(s -> s.date().toString()).orElse(null), previous,
                prevSnap.map(s -> s.date().toString()).orElse(null), rows, counties, notes);
    }

    private static Counter counter(ReportStore.Snapshot snapshot, Policy.TargetPeriod period, String indicatorId) {
        return snapshot.counters().getOrDefault(indicatorId, Counter.zero(period.period(), indicatorId));
    }

    private static long actual(ReportStore.Snapshot snapshot, Policy.TargetPeriod period, String indicatorId) {
        return counter(snapshot, period, indicatorId).actual();
    }

    private static void add(long[] sum, List<LedgerCount> money, SubsidyStatus status, String dimension,
            String value) {
        for (LedgerCount c : money) {
            if (c.status().equals(status.name()) && c.dimension().equals(dimension) && c.value().equals(value)) {
                sum[0] += c.count();
                sum[1] += c.yuan();
            }
        }
    }

    /** CSV with a BOM: one row per indicator (city) and per indicator and county, then one per county's money. */
    public String csv(ProgressReport report) {
        StringBuilder csv = new StringBuilder("\uFEFF");
        csv.append("目标期,指标,区县,目标,现在,指定日期(").append(blank(report.atSnapshot())).append("),上次调度(")
                .append(blank(report.previousSnapshot())).append("),变化,已拨付笔数,已拨付金额(元),待拨付笔数,待拨付金额(元)\r\n");
        for (ProgressReport.IndicatorRow row : report.indicators()) {
            csv.append(report.period()).append(',').append(cell(row.name())).append(",全市,").append(row.target())
                    .append(',').append(row.now()).append(',').append(blank(row.atDate())).append(',')
                    .append(blank(row.previous())).append(',').append(blank(row.change())).append(',')
                    .append(row.paidCount()).append(',').append(row.paidYuan()).append(',').append(row.dueCount())
                    .append(',').append(row.dueYuan()).append("\r\n");
            for (ProgressReport.CountyCount c : row.byCounty()) {
                csv.append(report.period()).append(',').append(cell(row.name())).append(',').append(cell(c.name()))
                        .append(",,").append(c.now()).append(',').append(blank(c.atDate())).append(',')
                        .append(blank(c.previous())).append(',').append(blank(c.change())).append(",,,,\r\n");
            }
        }
        for (ProgressReport.CountyRow c : report.counties()) {
            csv.append(report.period()).append(",补助合计,").append(cell(c.name())).append(",,,,,,")
                    .append(c.paidCount()).append(',').append(c.paidYuan()).append(',').append(c.dueCount())
                    .append(',').append(c.dueYuan()).append("\r\n");
        }
        return csv.toString();
    }

    /** The printable page: A4, Chinese, a bar chart (inline SVG) per indicator; every text escaped. */
    public String html(ProgressReport report) {
        return ProgressPage.render(report);
    }

    private static String blank(Object value) {
        return value == null ? "" : value.toString();
    }

    private static String cell(String value) {
        return value.contains(",") || value.contains("\"") ? "\"" + value.replace("\"", "\"\"") + "\"" : value;
    }
}
