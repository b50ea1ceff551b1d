package cn.bijie.innovation.shared.store.dynamodb;

import cn.bijie.innovation.shared.certification.CertificationStatus;
import cn.bijie.innovation.shared.ledger.LedgerCount;
import cn.bijie.innovation.shared.ledger.LedgerStore;
import cn.bijie.innovation.shared.notice.Notice;
import cn.bijie.innovation.shared.notice.NoticeEntry;
import cn.bijie.innovation.shared.notice.NoticeStatus;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.QueryResponse;

/**
 * The ledger's reads: the totals item ({@link LedgerCounters}); for the forecast, the ACTIVE certifications of a kind in
 * an expiry range (the by-status index is sorted by expiry) and the running notices. Nothing is scanned.
 */
public final class DynamoLedgerStore implements LedgerStore {
    private final DynamoDbClient dynamo;
    private final String table;

    public DynamoLedgerStore(DynamoDbClient dynamo, String table) {
        this.dynamo = dynamo;
        this.table = table;
    }

    @Override
    public List<LedgerCount> totals() {
        Map<String, AttributeValue> item = dynamo.getItem(r -> r.tableName(table).key(LedgerCounters.totalsKey())
                .consistentRead(true)).item();
        return LedgerCounters.read(item == null || item.isEmpty() ? null : item);
    }

    @Override
    public List<Expiring> expiring(String kind, LocalDate from, LocalDate to) {
        List<Expiring> found = new ArrayList<>();
        Map<String, AttributeValue> start = null;
        do {
            Map<String, AttributeValue> after = start;
            QueryResponse response = dynamo.query(r -> {
                r.tableName(table).indexName(Indexes.BY_STATUS)
                        .keyConditionExpression("#pk = :pk AND #sk BETWEEN :from AND :to")
                        .filterExpression("#kind = :kind")
                        .expressionAttributeNames(Map.of("#pk", Indexes.BY_STATUS + "PK",
                                "#sk", Indexes.BY_STATUS + "SK", "#kind", CertificationMapper.KIND))
                        .expressionAttributeValues(Map.of(
                                ":pk", Items.s(CertificationMapper.statusPartition(CertificationStatus.ACTIVE.name())),
                                // sort keys are <expiresOn>#<id>: "to" alone sorts before every key of that day
                                ":from", Items.s(from.toString()), ":to", Items.s(to.toString()),
                                ":kind", Items.s(kind)));
                if (after != null) {
                    r.exclusiveStartKey(after);
                }
            });
            for (Map<String, AttributeValue> item : response.items()) {
                found.add(new Expiring(Items.str(item, CertificationMapper.CERTIFICATION_ID),
                        Items.str(item, CertificationMapper.USCC), Items.str(item, CertificationMapper.EXPIRES_ON)));
            }
            start = response.hasLastEvaluatedKey() && !response.lastEvaluatedKey().isEmpty()
                    ? response.lastEvaluatedKey() : null;
        } while (start != null);
        return found;
    }

    @Override
    public List<Running> runningNotices() {
        List<Running> running = new ArrayList<>();
        for (Map<String, AttributeValue> item : IndexQuery.on(Indexes.BY_STATUS,
                NoticeMapper.STATUS_PREFIX + NoticeStatus.OPEN.name()).all(dynamo, table)) {
            Notice notice = NoticeMapper.fromItem(item);
            long yuan = notice.entries().stream().map(NoticeEntry::amountYuan)
                    .mapToLong(a -> a == null ? 0 : a).sum();
            running.add(new Running(notice.noticeId(), notice.endsOn(), notice.entries().size(), yuan));
        }
        return running;
    }
}
