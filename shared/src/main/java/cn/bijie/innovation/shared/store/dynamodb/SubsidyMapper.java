package cn.bijie.innovation.shared.store.dynamodb;

import cn.bijie.innovation.shared.policy.Policy;
import cn.bijie.innovation.shared.subsidy.Subsidy;
import cn.bijie.innovation.shared.subsidy.SubsidyStatus;
import cn.bijie.innovation.shared.time.Shanghai;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * The subsidy's item, the only place its attribute names and key layout are written: {@code SUB#<id> / SUB}, listed
 * through GSI1 (the organisation's), GSI2 (by status) and GSI3 (all), each by creation time; while
 * {@code AWAITING_PAYMENT} it is due in the {@link DueIndex} once it has waited {@code subsidyUnpaidDays}.
 */
final class SubsidyMapper {
    static final String TYPE = "SUBSIDY";
    static final String SUBSIDY_ID = "subsidyId";
    static final String CERTIFICATION_ID = "certificationId";
    static final String USCC = "uscc";
    static final String KIND = "kind";
    static final String LEVEL = "level";
    static final String RENEWAL = "renewal";
    static final String AMOUNT_YUAN = "amountYuan";
    static final String STATUS = "status";
    static final String POLICY_VERSION = "policyVersion";
    static final String RULE = "rule";
    static final String EXPLANATION = "explanation";
    static final String CREATED_AT = "createdAt";
    static final String PAID_ON = "paidOn";
    static final String VOUCHER_NO = "voucherNo";
    static final String PAID_AT = "paidAt";
    static final String PAID_BY = "paidBy";
    static final String CERTIFICATION_REVOKED = "certificationRevoked";
    static final String NOTE = "note";
    static final String PLATFORM_ID = "platformId";
    static final String CLASSIFICATION = "classification";
    static final String SUBTRACTED_SUBSIDY_ID = "subtractedSubsidyId";
    static final String PLATFORM_LEVEL = "platformLevel";
    static final String RECOVERED_YUAN = "recoveredYuan";
    static final String RECOVERED_ON = "recoveredOn";
    static final String RECOVERY_VOUCHER_NO = "recoveryVoucherNo";
    /** When it entered {@code AWAITING_PAYMENT}: its public notice passed. */
    static final String AWAITING_PAYMENT_SINCE = "awaitingPaymentSince";
    static final String BY_STATUS_PK = Indexes.BY_STATUS + "PK";
    /** The by-status index partition of subsidies in a status is this prefix and the status. */
    static final String STATUS_PREFIX = "SUB#";
    /** The partition of every subsidy in the all-records index. */
    static final String ALL_PARTITION = "SUB";

    private final Policy policy;

    SubsidyMapper(Policy policy) {
        this.policy = policy;
    }

    static String organizationPartition(String uscc) {
        return Keys.organizationPk(uscc) + "#SUB";
    }

    /** A subsidy that starts waiting for payment at {@code at} is due once it has waited subsidyUnpaidDays. */
    Map<String, AttributeValue> due(String subsidyId, Instant at) {
        return DueIndex.attributes(Shanghai.dateOf(at).plusDays(policy.reminders().subsidyUnpaidDays()), at,
                Keys.subsidyPk(subsidyId));
    }

    Map<String, AttributeValue> item(Subsidy s, Instant at) {
        Map<String, AttributeValue> item = new HashMap<>(Keys.subsidy(s.subsidyId()));
        item.put("type", Items.s(TYPE));
        item.put(SUBSIDY_ID, Items.s(s.subsidyId()));
        item.put(CERTIFICATION_ID, Items.s(s.certificationId()));
        item.put(USCC, Items.s(s.uscc()));
        item.put(KIND, Items.s(s.kind()));
        item.put(LEVEL, Items.s(s.level()));
        item.put(RENEWAL, Items.bool(s.renewal()));
        if (s.amountYuan() != null) {
            item.put(AMOUNT_YUAN, Items.n(s.amountYuan()));
        }
        item.put(STATUS, Items.s(s.status().name()));
        item.put(POLICY_VERSION, Items.s(s.policyVersion()));
        Items.putIfPresent(item, RULE, s.rule());
        item.put(EXPLANATION, Items.s(s.explanation()));
        item.put(CREATED_AT, Items.s(s.createdAt()));
        Items.putIfPresent(item, PAID_ON, s.paidOn());
        Items.putIfPresent(item, VOUCHER_NO, s.voucherNo());
        item.put(CERTIFICATION_REVOKED, Items.bool(s.certificationRevoked()));
        Items.putIfPresent(item, NOTE, s.note());
        Items.putIfPresent(item, PLATFORM_ID, s.platformId());
        Items.putIfPresent(item, CLASSIFICATION, s.classification());
        Items.putIfPresent(item, SUBTRACTED_SUBSIDY_ID, s.subtractedSubsidyId());
        Items.putIfPresent(item, PLATFORM_LEVEL, s.platformLevel());
        String id = s.subsidyId();
        Indexes.put(item, Indexes.BY_ORGANIZATION, organizationPartition(s.uscc()), s.createdAt() + "#" + id);
        Indexes.put(item, Indexes.BY_STATUS, STATUS_PREFIX + s.status().name(), s.createdAt() + "#" + id);
        Indexes.put(item, Indexes.ALL, ALL_PARTITION, s.createdAt() + "#" + id);
        if (s.status() == SubsidyStatus.AWAITING_PAYMENT) {
            item.putAll(due(id, at));
        }
        return item;
    }

    public static Subsidy fromItem(Map<String, AttributeValue> item) {
        return new Subsidy(Items.str(item, SUBSIDY_ID), Items.str(item, CERTIFICATION_ID), Items.str(item, USCC),
                Items.str(item, KIND), Items.str(item, LEVEL), Items.flag(item, RENEWAL),
                Items.num(item, AMOUNT_YUAN), SubsidyStatus.valueOf(Items.str(item, STATUS)),
                Items.str(item, POLICY_VERSION), Items.str(item, RULE), Items.str(item, EXPLANATION),
                Items.str(item, CREATED_AT), Items.str(item, PAID_ON), Items.str(item, VOUCHER_NO),
                Items.flag(item, CERTIFICATION_REVOKED), Items.str(item, NOTE), Items.str(item, PLATFORM_ID),
                Items.str(item, CLASSIFICATION), Items.str(item, SUBTRACTED_SUBSIDY_ID),
                Items.str(item, PLATFORM_LEVEL), Items.num(item, RECOVERED_YUAN), Items.str(item, RECOVERED_ON),
                Items.str(item, RECOVERY_VOUCHER_NO));
    }

    /** The item that says a platform-level is paid (or promised) by one subsidy: the second one cannot be put. */
    static Map<String, AttributeValue> platformLevelKey(String platformLevel) {
        return Keys.key("PAID#" + platformLevel, "PAID");
    }

    static Map<String, AttributeValue> platformLevelItem(Subsidy s) {
        return platformLevelItem(s.platformLevel(), s.subsidyId());
    }

    static Map<String, AttributeValue> platformLevelItem(String platformLevel, String subsidyId) {
        Map<String, AttributeValue> item = new HashMap<>(platformLevelKey(platformLevel));
        item.put("type", Items.s("PLATFORM_LEVEL_PAID"));
        item.put(SUBSIDY_ID, Items.s(subsidyId));
        return item;
    }
}
