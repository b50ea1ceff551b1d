package cn.bijie.innovation.shared.store.dynamodb;

/**
 * SEAM (issue 4 owns the indicator counters): adds to a transaction the writes that take a certification out of the
 * indicator counts when it stops being {@code ACTIVE}. {@link HoldingCounterMoves} stands in until issue 4's
 * {@code shared/indicator/IndicatorCounters} replaces it.
 */
public interface IndicatorCounterMoves {
    void deactivated(WriteTransaction tx, String certificationId, String uscc, String kind, String level);
}
