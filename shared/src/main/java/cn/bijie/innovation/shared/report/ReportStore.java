package cn.bijie.innovation.shared.report;

import cn.bijie.innovation.shared.indicator.Counter;
import java.time.LocalDate;
import java.util.Map;
import java.util.Optional;

/** The indicator counters as they stood on a day: the daily run keeps one snapshot per target period and day. */
public interface ReportStore {
    /** Keeps the counters of {@code period} as of {@code date} (a repeated run writes the same again). */
    void snapshot(String period, LocalDate date, Map<String, Counter> counters);

    /** The latest snapshot on or before {@code date} (one Query of one item). */
    Optional<Snapshot> snapshotOn(String period, LocalDate date);

    record Snapshot(LocalDate date, Map<String, Counter> counters) {}
}
