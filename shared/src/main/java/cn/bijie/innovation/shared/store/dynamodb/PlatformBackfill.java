package cn.bijie.innovation.shared.store.dynamodb;

import cn.bijie.innovation.shared.certification.Certification;
import cn.bijie.innovation.shared.platform.Platform;
import cn.bijie.innovation.shared.policy.Policy;
import cn.bijie.innovation.shared.subsidy.Classifier;
import cn.bijie.innovation.shared.subsidy.Subsidy;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * {@code backfill-platforms} (issue 12): a certification recorded before platforms existed (no {@code platformId})
 * gets the platform the recording's rule names ({@link Platform#idFor}, a merged platform's successor followed as the
 * recording does), its place in that platform's history, its certificate number item ({@code CERTNO#}) and its
 * subsidy's platform and, while the subsidy is payable or paid, its platform-level item ({@code PAID#}) — in one
 * transaction per certification, each item under a condition on what was read, so a record changed meanwhile is
 * skipped. A certificate number or platform-level that another record holds already is reported for staff and not
 * written (the rest of the certification's backfill is). Found by a scan (the operators' run, no request path).
 */
final class PlatformBackfill {
    private static final int MAX_MERGE_HOPS = 10;

    private final DynamoDbClient dynamo;
    private final String table;
    private final Policy policy;
    private final Instant now;

    PlatformBackfill(DynamoDbClient dynamo, String table, Policy policy, Instant now) {
        this.dynamo = dynamo;
        this.table = table;
        this.policy = policy;
        this.now = now;
    }

    String run(MaintenanceTally tally, String token, int limit) {
        return new TableScan(dynamo, table).pages("#type = :cert AND attribute_not_exists(#platform)",
                Map.of("#type", "type", "#platform", CertificationMapper.PLATFORM_ID),
                Map.of(":cert", Items.s(CertificationMapper.TYPE)), token, limit,
                page -> page.forEach(item -> one(CertificationMapper.fromItem(item), tally)));
    }

    private void one(Certification c, MaintenanceTally tally) {
        tally.examined++;
        String record = Keys.certificationPk(c.certificationId());
        Platform platform = platformOf(c);
        List<String> what = new ArrayList<>();
        WriteTransaction tx = new WriteTransaction(table);
        tx.update(Keys.certification(c.certificationId()), "SET #platform = :platform",
                Map.of("#platform", CertificationMapper.PLATFORM_ID, "#status", CertificationMapper.STATUS),
                Map.of(":platform", Items.s(platform.platformId()), ":status", Items.s(c.status().name())),
                new Condition("attribute_not_exists(#platform) AND #status = :status", Map.of(), Map.of()), null);
        what.add("platform " + platform.platformId() + (platform.createdAt() == null ? " (new)" : ""));
        if (platform.recognitions().stream().noneMatch(r -> r.certificationId().equals(c.certificationId()))) {
            PlatformMapper.addRecognition(tx, platform, c, now);
        }

        Map<String, AttributeValue> number = get(PlatformMapper.numberKey(c.kind(), c.certificateNo()));
        if (number == null) {
            PlatformMapper.claimNumber(tx, c);
            what.add("certificate number " + Items.str(PlatformMapper.numberKey(c.kind(), c.certificateNo()),
                    Keys.PK));
        } else if (!c.certificationId().equals(Items.str(number, CertificationMapper.CERTIFICATION_ID))) {
            tally.report(record, "证书编号 " + c.certificateNo() + " 已属于认定 "
                    + Items.str(number, CertificationMapper.CERTIFICATION_ID) + " (the certificate number is "
                    + "recorded for another certification: staff decide; its CERTNO# item is not written)");
        }

        String subsidyId = Subsidy.idFor(c.certificationId());
        Map<String, AttributeValue> subsidyItem = get(Keys.subsidy(subsidyId));
        if (subsidyItem != null && !subsidyItem.containsKey(SubsidyMapper.PLATFORM_ID)) {
            Subsidy s = SubsidyMapper.fromItem(subsidyItem);
            String platformLevel = s.status().holdsPlatformLevel()
                    ? Classifier.platformLevel(policy, platform.platformId(), s.kind(), s.level(), s.renewal()) : null;
            Map<String, AttributeValue> paid = platformLevel == null ? null
                    : get(SubsidyMapper.platformLevelKey(platformLevel));
            if (paid != null && !subsidyId.equals(Items.str(paid, SubsidyMapper.SUBSIDY_ID))) {
                tally.report(Keys.subsidyPk(subsidyId), "平台同一级别已由补助 " + Items.str(paid, SubsidyMapper.SUBSIDY_ID)
                        + " 占用 (the platform-level " + platformLevel + " is held by another subsidy: staff decide; "
                        + "not written)");
                platformLevel = null;
            }
            Map<String, String> names = new HashMap<>(Map.of("#platform", SubsidyMapper.PLATFORM_ID,
                    "#status", SubsidyMapper.STATUS));
            Map<String, AttributeValue> values = new HashMap<>(Map.of(":platform", Items.s(platform.platformId()),
                    ":status", Items.s(s.status().name())));
            String set = "SET #platform = :platform";
            if (platformLevel != null) {
                names.put("#level", SubsidyMapper.PLATFORM_LEVEL);
                values.put(":level", Items.s(platformLevel));
                set += ", #level = :level";
                if (paid == null) {
                    tx.put(SubsidyMapper.platformLevelItem(platformLevel, subsidyId), Condition.absent(), null);
                    what.add("platform-level " + platformLevel);
                }
            }
            tx.update(Keys.subsidy(subsidyId), set, names, values,
                    new Condition("attribute_not_exists(#platform) AND #status = :status", Map.of(), Map.of()), null);
            what.add("subsidy " + subsidyId);
        }
        tally.commit(new TableWriter(dynamo), tx, record, String.join("; ", what),
                "the certification, its platform, number or subsidy changed meanwhile: run again");
    }

    /** The platform the recording's rule names for {@code c}, as stored now (or a new one). */
    private Platform platformOf(Certification c) {
        String id = Platform.idFor(policy, c.uscc(), c.kind(), c.platformName());
        Platform found = platform(c.uscc(), id);
        for (int hops = 0; found != null && found.merged() && hops < MAX_MERGE_HOPS; hops++) {
            found = platform(c.uscc(), found.mergedInto());
        }
        return found != null && !found.merged() ? found : new Platform(id, c.uscc(), policy.familyOf(c.kind()),
                c.kind(), c.platformName(), List.of(), null, null);
    }

    private Platform platform(String uscc, String platformId) {
        Map<String, AttributeValue> item = get(PlatformMapper.key(uscc, platformId));
        return item == null ? null : PlatformMapper.fromItem(item);
    }

    private Map<String, AttributeValue> get(Map<String, AttributeValue> key) {
        Map<String, AttributeValue> item = dynamo.getItem(r -> r.tableName(table).key(key).consistentRead(true))
                .item();
        return item == null || item.isEmpty() ? null : item;
    }
}
