package cn.bijie.innovation.shared.report;

import java.util.List;

/**
 * {@code GET /reports/progress}: for the leading group's meetings (领导小组定期调度). Per indicator: the target, the count
 * now, at the chosen date {@code at} and at the previous report's date {@code previous} (from the daily snapshots; null
 * when none is that old), the change since the previous report, and the subsidies paid and due for the recognitions
 * it counts; per indicator and county the same counts; per county the subsidies paid and due.
 *
 * @param atSnapshot       the date of the snapshot used for {@code at} (the latest on or before it)
 * @param previousSnapshot the date of the snapshot used for {@code previous}
 */
public record ProgressReport(String period, String asOf, String at, String atSnapshot, String previous,
        String previousSnapshot, List<IndicatorRow> indicators, List<CountyRow> counties, List<String> notes) {

    public record IndicatorRow(String id, String name, int target, long now, Long atDate, Long previous, Long change,
            long paidCount, long paidYuan, long dueCount, long dueYuan, List<CountyCount> byCounty) {}

    public record CountyCount(String county, String name, long now, Long atDate, Long previous, Long change) {}

    /** The subsidies of organisations of one county (all kinds): paid, and due (awaiting payment). */
    public record CountyRow(String county, String name, long paidCount, long paidYuan, long dueCount, long dueYuan) {}
}
