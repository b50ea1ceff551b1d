package cn.bijie.innovation.shared.store.dynamodb;

import cn.bijie.innovation.shared.organization.NameKey;
import cn.bijie.innovation.shared.organization.Organization;
import cn.bijie.innovation.shared.cultivation.PoolEntry;
import java.util.List;
import java.util.Map;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * {@code backfill-directory} (issue 17): each profile written before the directory gets its directory entry — listed
 * in GSI3 partition {@code ORG} by name key, with its tier, and in the GSI2 pool partition while it has an open pool
 * entry — in a transaction conditioned on the profile as read (a profile changed meanwhile is skipped: its own write
 * listed it). Profiles are found by a scan, a page at a time (the operators' run, never a request path).
 */
final class DirectoryBackfill {
    private final DynamoDbClient dynamo;
    private final String table;
    private final NameKey names;

    DirectoryBackfill(DynamoDbClient dynamo, String table, NameKey names) {
        this.dynamo = dynamo;
        this.table = table;
        this.names = names;
    }

    String run(MaintenanceTally tally, String token, int limit) {
        return new TableScan(dynamo, table).pages("#type = :profile", Map.of("#type", "type"),
                Map.of(":profile", Items.s(OrganizationMapper.TYPE)), token, limit,
                page -> page.forEach(item -> one(OrganizationMapper.fromItem(item), tally)));
    }

    private void one(Organization o, MaintenanceTally tally) {
        tally.examined++;
        String record = Keys.organizationPk(o.uscc()) + " / DIRECTORY";
        Map<String, AttributeValue> entry = dynamo.getItem(r -> r.tableName(table)
                .key(DirectoryMapper.key(o.uscc())).consistentRead(true)).item();
        Integer openIntake = openIntake(o.uscc());
        boolean listed = DirectoryMapper.listed(entry);
        boolean pooled = openIntake == null || DirectoryMapper.pooled(entry);
        if (listed && pooled) {
            tally.upToDate++;
            return;
        }
        String what = (listed ? "" : "listed by name key " + names.of(o.name()))
                + (pooled ? "" : (listed ? "" : "; ") + "in the pool, intake " + openIntake);
        WriteTransaction tx = new WriteTransaction(table)
                .check(Keys.organization(o.uscc()), Condition.equals(OrganizationMapper.UPDATED_AT,
                        Items.s(o.updatedAt())), null);
        DirectoryMapper.backfill(tx, o, names.of(o.name()), openIntake);
        tally.commit(new TableWriter(dynamo), tx, record, what,
                "the profile changed meanwhile (its write lists it): run again to check");
    }

    /** The intake of the organisation's pool entry that has not converted, or null. */
    private Integer openIntake(String uscc) {
        List<Map<String, AttributeValue>> entries = dynamo.query(q -> q.tableName(table).consistentRead(true)
                .keyConditionExpression("#pk = :pk AND begins_with(#sk, :pool)")
                .expressionAttributeNames(Map.of("#pk", Keys.PK, "#sk", Keys.SK))
                .expressionAttributeValues(Map.of(":pk", Items.s(Keys.organizationPk(uscc)),
                        ":pool", Items.s(CultivationMapper.POOL_PREFIX)))).items();
        return entries.stream().map(CultivationMapper::poolEntry).filter(e -> !e.converted())
                .map(PoolEntry::intake).reduce((a, b) -> b).orElse(null);
    }
}
