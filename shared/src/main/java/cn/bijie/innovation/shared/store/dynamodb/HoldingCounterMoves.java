package cn.bijie.innovation.shared.store.dynamodb;

import cn.bijie.innovation.shared.errors.Conflict;
import cn.bijie.innovation.shared.policy.Policy;
import java.util.List;
import java.util.Map;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * STAND-IN for issue 4's indicator counters, written to the layout of docs/CONTRACTS.md: an organisation's holding
 * {@code ORG#<uscc> / HOLD#<period>#<indicatorId>} keeps the ids of its ACTIVE certifications that count ({@code certs})
 * and its {@code county}; the counter {@code INDICATOR#<period> / <indicatorId>} counts organisations ({@code actual},
 * {@code c_<county>}). An organisation leaves the count when its last counting certification leaves the set. Each
 * holding is read first, and the transaction checks it is still as read, so a race cancels the expiry (retried on the
 * next run) instead of miscounting.
 */
public final class HoldingCounterMoves implements IndicatorCounterMoves {
    private static final String DELETE = "DELETE certs :certs";
    private static final Map<String, AttributeValue> ONE = Map.of(":one", Items.n(1));

    private final DynamoDbClient dynamo;
    private final String table;
    private final Policy policy;

    public HoldingCounterMoves(DynamoDbClient dynamo, String table, Policy policy) {
        this.dynamo = dynamo;
        this.table = table;
        this.policy = policy;
    }

    @Override
    public void deactivated(WriteTransaction tx, String certificationId, String uscc, String kind, String level) {
        for (Policy.TargetPeriod period : policy.targetPeriods()) {
            for (Policy.Indicator indicator : period.indicators()) {
                if (indicator.counts().stream().anyMatch(c -> c.kind().equals(kind) && c.levels().contains(level))) {
                    leave(tx, certificationId, uscc, period.period(), indicator.id());
                }
            }
        }
    }

    private void leave(WriteTransaction tx, String certificationId, String uscc, String period, String indicatorId) {
        Map<String, AttributeValue> key = Keys.key(Keys.organizationPk(uscc), "HOLD#" + period + "#" + indicatorId);
        Map<String, AttributeValue> holding = dynamo.getItem(r -> r.tableName(table).key(key).consistentRead(true))
                .item();
        List<String> certs = holding == null || !holding.containsKey("certs") ? List.of() : holding.get("certs").ss();
        if (!certs.contains(certificationId)) {
            return; // never counted (or already taken out)
        }
        Map<String, AttributeValue> values = Map.of(":certs", AttributeValue.fromSs(List.of(certificationId)),
                ":cert", Items.s(certificationId));
        if (certs.size() > 1) {
            tx.update(key, DELETE, Map.of(), values,
                    new Condition("contains(certs, :cert) AND size(certs) > :one", Map.of(), ONE), HoldingCounterMoves::changed);
            return;
        }
        tx.update(key, DELETE, Map.of(), values,
                new Condition("contains(certs, :cert) AND size(certs) = :one", Map.of(), ONE), HoldingCounterMoves::changed);
        tx.update(Keys.key("INDICATOR#" + period, indicatorId), "ADD actual :minus, #county :minus",
                Map.of("#county", "c_" + Items.str(holding, "county")), Map.of(":minus", Items.n(-1)),
                Condition.NONE, null);
    }

    private static Conflict changed() {
        return new Conflict("指标持有记录已变化 (the indicator holding changed meanwhile)");
    }
}
