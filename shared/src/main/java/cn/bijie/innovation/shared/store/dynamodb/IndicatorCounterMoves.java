package cn.bijie.innovation.shared.store.dynamodb;

/**
 * What the reminder run needs of the indicator counters: adds to its expiry transaction the writes that take a
 * certification out of the counts when it stops being {@code ACTIVE} ({@link DynamoIndicatorCounterMoves}).
 */
public interface IndicatorCounterMoves {
    void deactivated(WriteTransaction tx, String certificationId, String uscc, String kind, String level);
}
