package cn.bijie.innovation.shared.store.dynamodb;

import cn.bijie.innovation.shared.errors.Conflict;
import cn.bijie.innovation.shared.errors.DomainException;
import cn.bijie.innovation.shared.errors.IdempotencyKeyReused;
import cn.bijie.innovation.shared.errors.ReadOutdated;
import cn.bijie.innovation.shared.idempotency.Answer;
import cn.bijie.innovation.shared.idempotency.Committed;
import cn.bijie.innovation.shared.idempotency.IdempotencyKey;
import cn.bijie.innovation.shared.idempotency.PendingWrite;
import cn.bijie.innovation.shared.idempotency.Prior;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.CancellationReason;
import software.amazon.awssdk.services.dynamodb.model.ItemResponse;
import software.amazon.awssdk.services.dynamodb.model.TransactGetItem;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItem;
import software.amazon.awssdk.services.dynamodb.model.TransactionCanceledException;

/**
 * Commits a {@link WriteTransaction} in one {@code TransactWriteItems} call, together with the idempotency record of
 * the edge's {@link Answer} when the request has a key. A cancelled transaction becomes the failure its first failed
 * condition stands for; a lost race on the idempotency record becomes a replay of the winner's response; a
 * conflict with another transaction or throttling becomes {@link ReadOutdated}, which the unit of work retries (never
 * this class). The transaction's audit entries are placed in their records' hash chains here, in the same call
 * ({@link AuditChains}); a chain another writer moved on meanwhile is the one cancellation this class answers by
 * committing again, onto the head the cancellation returned.
 */
public final class TableWriter {
    /** Cancellation reasons that a second try may not meet; any other than a failed condition is a bug. */
    private static final Set<String> TRANSIENT = Set.of("TransactionConflict", "ThrottlingError",
            "ProvisionedThroughputExceeded", "RequestLimitExceeded");

    /** Tries to chain a transaction's audit entries onto heads other writers keep moving, before the retry layer's. */
    private static final int CHAIN_ATTEMPTS = 5;

    private final DynamoDbClient dynamo;

    public TableWriter(DynamoDbClient dynamo) {
        this.dynamo = dynamo;
    }

    /** {@code tx}, to be committed by the edge with its answer ({@link #commit(WriteTransaction, Answer)}). */
    public PendingWrite pending(WriteTransaction tx) {
        return answer -> commit(tx, answer);
    }

    /**
     * Commits {@code tx} with the idempotency record of {@code answer} when it carries a key; the store that built
     * {@code tx} never sees the answer. A null {@code answer} (a write no client waits for) answers null.
     */
    public Committed commit(WriteTransaction tx, Answer answer) {
        IdempotencyKey idempotency = answer == null ? null : answer.key();
        int idempotencyIndex = -1;
        if (idempotency != null) {
            idempotencyIndex = tx.size();
            tx.put(IdempotencyMapper.item(idempotency, answer.status(), answer.bodyJson(), Instant.now()),
                    Condition.absent(), null);
        }
        for (int attempt = 1; ; attempt++) {
            AuditChains.Placement chained = AuditChains.place(tx.table(), tx.audits());
            List<TransactWriteItem> items = new ArrayList<>(tx.items());
            items.addAll(chained.items());
            try {
                dynamo.transactWriteItems(r -> r.transactItems(items));
                chained.committed();
                return answer == null ? null : new Committed(answer.status(), answer.bodyJson(), false);
            } catch (TransactionCanceledException e) {
                List<CancellationReason> reasons = e.cancellationReasons();
                if (idempotencyIndex >= 0 && failed(reasons, idempotencyIndex)) {
                    return replay(tx.table(), idempotency, reasons.get(idempotencyIndex).item());
                }
                for (int i = 0; i < tx.size(); i++) {
                    if (failed(reasons, i)) {
                        var failure = tx.failureAt(i);
                        Map<String, AttributeValue> found = reasons.get(i).item();
                        throw failure != null ? failure.apply(found == null ? Map.of() : found)
                                : new Conflict("记录状态已变化，请刷新后重试 (the record changed; reload and retry)");
                    }
                }
                if (chained.learn(dynamo, tx.table(), reasons, tx.size())) {
                    if (attempt < CHAIN_ATTEMPTS) {
                        continue; // another writer moved the audit chain on: chain onto its head and commit again
                    }
                    throw new ReadOutdated();
                }
                if (reasons.stream().anyMatch(reason -> TRANSIENT.contains(reason.code()))) {
                    // another transaction on the same items, or throttling: the unit of work runs again (retry/Retry)
                    throw new ReadOutdated();
                }
                // validation, item size, an audit entry beyond its chain's head, …: a bug or tampering, not a race;
                // the edge answers 500 with the requestId
                throw new IllegalStateException("transaction cancelled: " + reasons.stream()
                        .map(CancellationReason::code).toList(), e);
            }
        }
    }

    /** Commits a write no client waits for (a stream record's, the reminder run's): no idempotency, no body. */
    public void commit(WriteTransaction tx) {
        commit(tx, null);
    }

    /**
     * What a write request finds before it writes, in one call: the item at {@code key} and, when the request has an
     * {@code Idempotency-Key}, its idempotency record and the head of the audit chain of {@code key}'s partition (one
     * {@code TransactGetItems}, strongly consistent: the write then chains its audit entry without a guess). A stored
     * response of the same request comes back as the replay; one of a different request is
     * {@code IDEMPOTENCY_KEY_REUSED}.
     */
    public Prior<Map<String, AttributeValue>> prior(String table, Map<String, AttributeValue> key,
            IdempotencyKey idempotency) {
        if (idempotency == null) {
            Map<String, AttributeValue> item = dynamo.getItem(r -> r.tableName(table).key(key).consistentRead(true))
                    .item();
            return new Prior<>(item == null || item.isEmpty() ? null : item, null);
        }
        List<ItemResponse> responses = dynamo.transactGetItems(r -> r.transactItems(
                TransactGetItem.builder().get(g -> g.tableName(table).key(key)).build(),
                TransactGetItem.builder().get(g -> g.tableName(table)
                        .key(Keys.idempotency(idempotency.callerSub(), idempotency.key()))).build(),
                TransactGetItem.builder().get(g -> g.tableName(table)
                        .key(AuditMapper.headKey(key.get(Keys.PK).s()))).build())).responses();
        AuditChains.seen(key.get(Keys.PK).s(), responses.get(2).item());
        Map<String, AttributeValue> item = responses.get(0).item();
        Map<String, AttributeValue> stored = responses.get(1).item();
        return new Prior<>(item == null || item.isEmpty() ? null : item,
                stored == null || stored.isEmpty() ? null : replay(table, idempotency, stored));
    }

    /**
     * SnapStart priming: a transaction whose only item is a condition check on a key that cannot exist, so DynamoDB
     * cancels it and nothing is written, yet the write path runs once (marshalling, signing, the call, the
     * cancellation and its mapping).
     */
    public void primeWritePath(String table) {
        try {
            commit(new WriteTransaction(table).check(Keys.key("PRIMING", "PRIMING"), Condition.present(), null));
        } catch (Conflict expected) {
            // the condition cannot hold: that is the point
        }
    }

    private Committed replay(String table, IdempotencyKey idempotency, Map<String, AttributeValue> stored) {
        if (stored == null || stored.isEmpty()) {
            stored = dynamo.getItem(r -> r.tableName(table).key(
                    Keys.idempotency(idempotency.callerSub(), idempotency.key())).consistentRead(true)).item();
        }
        if (!idempotency.requestHash().equals(IdempotencyMapper.requestHash(stored))) {
            throw new IdempotencyKeyReused(
                    "该 Idempotency-Key 已用于另一个请求 (this Idempotency-Key was used with a different request)");
        }
        return IdempotencyMapper.replay(stored);
    }

    private static boolean failed(List<CancellationReason> reasons, int index) {
        return index < reasons.size() && "ConditionalCheckFailed".equals(reasons.get(index).code());
    }

}
