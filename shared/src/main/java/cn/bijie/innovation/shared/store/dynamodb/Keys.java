package cn.bijie.innovation.shared.store.dynamodb;

import java.util.Map;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * Every key of the single table in one place. Items of one entity share a partition with their audit trail:
 * {@code PK = <ENTITY>#<id>}, the record at {@code SK = <ENTITY>}, audit entries at {@code SK = AUDIT#<instant>#<id>}.
 */
public final class Keys {
    public static final String PK = "PK";
    public static final String SK = "SK";

    private Keys() {}

    public static Map<String, AttributeValue> key(String pk, String sk) {
        return Map.of(PK, AttributeValue.fromS(pk), SK, AttributeValue.fromS(sk));
    }

    public static String organizationPk(String uscc) {
        return "ORG#" + uscc;
    }

    public static Map<String, AttributeValue> organization(String uscc) {
        return key(organizationPk(uscc), "PROFILE");
    }

    /** Scoped to the caller: two users may pick the same key without meeting. */
    public static Map<String, AttributeValue> idempotency(String callerSub, String idempotencyKey) {
        return key("IDEM#" + callerSub + "#" + idempotencyKey, "IDEM");
    }

    public static String auditSortKey(String at, String entryId) {
        return "AUDIT#" + at + "#" + entryId;
    }

    public static String certificationPk(String certificationId) {
        return "CERT#" + certificationId;
    }

    public static Map<String, AttributeValue> certification(String certificationId) {
        return key(certificationPk(certificationId), "CERT");
    }

    public static String subsidyPk(String subsidyId) {
        return "SUB#" + subsidyId;
    }

    public static Map<String, AttributeValue> subsidy(String subsidyId) {
        return key(subsidyPk(subsidyId), "SUB");
    }

    public static String policyPk(String version) {
        return "POLICY#" + version;
    }

    /** A policy parameter staff set; the stream carries its change to the subsidy function. */
    public static Map<String, AttributeValue> policyParameter(String version, String name) {
        return key(policyPk(version), PARAMETER_PREFIX + name);
    }

    public static final String PARAMETER_PREFIX = "PARAM#";
    public static final String HOLDING_PREFIX = "HOLD#";

    /** Which ACTIVE certifications make the organisation count toward one indicator of one period. */
    public static Map<String, AttributeValue> holding(String uscc, String period, String indicatorId) {
        return key(organizationPk(uscc), HOLDING_PREFIX + period + "#" + indicatorId);
    }

    public static String indicatorPk(String period) {
        return "INDICATOR#" + period;
    }

    public static Map<String, AttributeValue> indicatorCounter(String period, String indicatorId) {
        return key(indicatorPk(period), indicatorId);
    }
}
