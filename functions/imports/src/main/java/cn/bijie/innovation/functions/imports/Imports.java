package cn.bijie.innovation.functions.imports;

import cn.bijie.innovation.shared.certification.CertificationService;
import cn.bijie.innovation.shared.config.Config;
import cn.bijie.innovation.shared.imports.RecognitionRecorder;
import cn.bijie.innovation.shared.paging.PageToken;
import cn.bijie.innovation.shared.policy.Policy;
import cn.bijie.innovation.shared.sheet.SheetLimits;
import cn.bijie.innovation.shared.store.dynamodb.DynamoCertificationStore;
import cn.bijie.innovation.shared.store.dynamodb.DynamoSubsidyStore;
import java.time.Clock;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/** What both import functions wire alike: the limits of a list file (template.yaml) and the recording path. */
final class Imports {
    private Imports() {}

    /** {@code LIST_MAX_BYTES}, {@code LIST_MAX_ROWS}: set per function in template.yaml. */
    static SheetLimits limits(Config config) {
        SheetLimits d = SheetLimits.DEFAULT;
        return new SheetLimits(Long.parseLong(config.get("LIST_MAX_BYTES", Long.toString(d.maxFileBytes()))),
                Integer.parseInt(config.get("LIST_MAX_ROWS", Integer.toString(d.maxRows()))), d.maxInflatedBytes(),
                d.maxInflationRatio());
    }

    static RecognitionRecorder recorder(DynamoDbClient dynamo, String table, PageToken tokens, Clock clock) {
        Policy policy = Policy.active();
        return new RecognitionRecorder(new CertificationService(new DynamoCertificationStore(dynamo, table, policy,
                clock), new DynamoSubsidyStore(dynamo, table, policy), policy, tokens, clock));
    }
}
