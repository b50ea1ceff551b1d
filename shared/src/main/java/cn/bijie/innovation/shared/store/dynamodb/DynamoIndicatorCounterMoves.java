package cn.bijie.innovation.shared.store.dynamodb;

import cn.bijie.innovation.shared.policy.Policy;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/**
 * An expiry leaves the counts the way a revocation does: the organisation's holdings are read (one Query) and
 * {@link IndicatorCounters} conditions its writes on them, so a race cancels the expiry transaction
 * ({@code ReadOutdated}) instead of miscounting; the next run expires it again.
 */
public final class DynamoIndicatorCounterMoves implements IndicatorCounterMoves {
    private final DynamoIndicatorStore store;
    private final IndicatorCounters counters;

    public DynamoIndicatorCounterMoves(DynamoDbClient dynamo, String table, Policy policy) {
        this.store = new DynamoIndicatorStore(dynamo, table);
        this.counters = new IndicatorCounters(policy);
    }

    @Override
    public void deactivated(WriteTransaction tx, String certificationId, String uscc, String kind, String level) {
        counters.onInactive(tx, store.holdings(uscc), certificationId);
    }
}
