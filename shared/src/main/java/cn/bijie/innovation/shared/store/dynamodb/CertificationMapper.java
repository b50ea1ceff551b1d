package cn.bijie.innovation.shared.store.dynamodb;

import cn.bijie.innovation.shared.certification.Certification;
import cn.bijie.innovation.shared.certification.CertificationStatus;
import cn.bijie.innovation.shared.policy.Policy;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Collections;
import java.util.HashMap;
import java.util.Map;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * The certification's item, the only place its attribute names and key layout are written: {@code CERT#<id> / CERT},
 * listed through GSI1 (the organisation's, by issue date), GSI2 (by status, by expiry date) and GSI3 (all, by
 * recording time). An ACTIVE certification of a kind the policy reminds of is due in the {@link DueIndex} on its first
 * reminder date; another kind with an expiry date is due on it.
 */
public final class CertificationMapper {
    public static final String TYPE = "CERTIFICATION";
    static final String CERTIFICATION_ID = "certificationId";
    static final String USCC = "uscc";
    static final String KIND = "kind";
    static final String LEVEL = "level";
    static final String RENEWAL = "renewal";
    static final String PLATFORM_NAME = "platformName";
    static final String CERTIFICATE_NO = "certificateNo";
    static final String ISSUED_ON = "issuedOn";
    static final String EXPIRES_ON = "expiresOn";
    static final String STATUS = "status";
    static final String SUBSIDY_ELIGIBLE = "subsidyEligible";
    static final String SUBSIDY_NOTE = "subsidyNote";
    static final String AUTHORITY = "authority";
    static final String APPLICATION_ID = "applicationId";
    static final String RECORDED_AT = "recordedAt";
    static final String REVOKED_AT = "revokedAt";
    static final String REVOCATION_REASON = "revocationReason";
    static final String PLATFORM_ID = "platformId";
    static final String RENEWAL_CLAIMED = "renewalClaimed";
    static final String CLASSIFICATION = "classification";
    static final String CLASSIFICATION_REASON = "classificationReason";
    /** The county its organisation was counted in when it was recorded (the dated counts read it). */
    static final String COUNTY = "county";
    static final String BY_STATUS_PK = Indexes.BY_STATUS + "PK";
    /** The partition of every certification in the all-records index. */
    static final String ALL_PARTITION = "CERT";
    /** The sort key of a certification without expiry in the by-status index. */
    static final String NO_EXPIRY = "9999-12-31";
    private static final String TYPE_PREFIX = "CERT#";

    private final Policy policy;
    private final Clock clock;

    CertificationMapper(Policy policy, Clock clock) {
        this.policy = policy;
        this.clock = clock;
    }


    /** The by-status index partition of certifications in {@code status}. */
    static String statusPartition(String status) {
        return TYPE_PREFIX + status;
    }

    Map<String, AttributeValue> item(Certification c) {
        Map<String, AttributeValue> item = new HashMap<>(Keys.certification(c.certificationId()));
        item.put("type", Items.s(TYPE));
        item.put(CERTIFICATION_ID, Items.s(c.certificationId()));
        item.put(USCC, Items.s(c.uscc()));
        item.put(KIND, Items.s(c.kind()));
        item.put(LEVEL, Items.s(c.level()));
        item.put(RENEWAL, Items.bool(c.renewal()));
        item.put(PLATFORM_NAME, Items.s(c.platformName()));
        item.put(CERTIFICATE_NO, Items.s(c.certificateNo()));
        item.put(ISSUED_ON, Items.s(c.issuedOn()));
        Items.putIfPresent(item, EXPIRES_ON, c.expiresOn());
        item.put(STATUS, Items.s(c.status().name()));
        item.put(SUBSIDY_ELIGIBLE, Items.bool(c.subsidyEligible()));
        Items.putIfPresent(item, SUBSIDY_NOTE, c.subsidyNote());
        Items.putIfPresent(item, AUTHORITY, c.authority());
        Items.putIfPresent(item, APPLICATION_ID, c.applicationId());
        item.put(RECORDED_AT, Items.s(c.recordedAt()));
        Items.putIfPresent(item, REVOKED_AT, c.revokedAt());
        Items.putIfPresent(item, REVOCATION_REASON, c.revocationReason());
        Items.putIfPresent(item, PLATFORM_ID, c.platformId());
        if (c.renewalClaimed() != null) {
            item.put(RENEWAL_CLAIMED, Items.bool(c.renewalClaimed()));
        }
        Items.putIfPresent(item, CLASSIFICATION, c.classification());
        Items.putIfPresent(item, CLASSIFICATION_REASON, c.classificationReason());
        String id = c.certificationId();
        Indexes.put(item, Indexes.BY_ORGANIZATION, Keys.organizationCertificationsPk(c.uscc()),
                c.issuedOn() + "#" + id);
        Indexes.put(item, Indexes.BY_STATUS, statusPartition(c.status().name()),
                (c.expiresOn() == null ? NO_EXPIRY : c.expiresOn()) + "#" + id);
        Indexes.put(item, Indexes.ALL, ALL_PARTITION, c.recordedAt() + "#" + id);
        if (c.status() == CertificationStatus.ACTIVE && c.expiresOn() != null) {
            item.putAll(DueIndex.attributes(firstDue(c), clock.instant(), Keys.certificationPk(id)));
        }
        return item;
    }

    /**
     * A kind recognised for a term (the high-tech enterprise's 3 years) is due on its first reminder threshold before
     * expiry; another kind given an expiry date is due the day after it (its last valid day), to be expired without
     * mail.
     */
    private LocalDate firstDue(Certification c) {
        LocalDate expiresOn = LocalDate.parse(c.expiresOn());
        return policy.remindsBeforeExpiry(c.kind())
                ? expiresOn.minusDays(Collections.max(policy.reminders().expiryThresholdDays())) : expiresOn.plusDays(1);
    }

    /** The certification still has the status and the platform {@code seen} had. */
    static Condition asRead(Certification seen) {
        Map<String, AttributeValue> values = new HashMap<>(Map.of(":seenStatus", Items.s(seen.status().name())));
        String platform = "attribute_not_exists(#seenPlatform)";
        if (seen.platformId() != null) {
            values.put(":seenPlatform", Items.s(seen.platformId()));
            platform = "#seenPlatform = :seenPlatform";
        }
        return new Condition("#seenStatus = :seenStatus AND " + platform,
                Map.of("#seenStatus", STATUS, "#seenPlatform", PLATFORM_ID), values);
    }

    /** A merge moves the certification to the platform it was merged into, conditioned on the one it was on. */
    static void movePlatform(WriteTransaction tx, Certification before, Certification after) {
        tx.update(Keys.certification(after.certificationId()), "SET #platform = :into",
                Map.of("#platform", PLATFORM_ID), Map.of(":into", Items.s(after.platformId())),
                new Condition("#platform = :from", Map.of(), Map.of(":from", Items.s(before.platformId()))),
                cn.bijie.innovation.shared.errors.ReadOutdated::new);
    }

    /** A stream record's images: a merge moved the certification to another platform. */
    public static boolean platformMoved(Map<String, AttributeValue> old, Map<String, AttributeValue> now) {
        return Items.str(old, PLATFORM_ID) != null
                && !java.util.Objects.equals(Items.str(old, PLATFORM_ID), Items.str(now, PLATFORM_ID));
    }

    /** A stream record's images: the certification became REVOKED with this change. */
    public static boolean revokedNow(Map<String, AttributeValue> old, Map<String, AttributeValue> now) {
        String revoked = CertificationStatus.REVOKED.name();
        return revoked.equals(Items.str(now, STATUS)) && !revoked.equals(Items.str(old, STATUS));
    }

    /** A stream record's images: staff changed the classification. */
    public static boolean reclassified(Map<String, AttributeValue> old, Map<String, AttributeValue> now) {
        return !java.util.Objects.equals(Items.str(old, CLASSIFICATION), Items.str(now, CLASSIFICATION))
                || !java.util.Objects.equals(Items.str(old, CLASSIFICATION_REASON), Items.str(now, CLASSIFICATION_REASON));
    }

    /** A certification as the dated counts need it. */
    static cn.bijie.innovation.shared.indicator.IndicatorStore.Recognition recognition(
            Map<String, AttributeValue> item) {
        String revokedAt = Items.str(item, REVOKED_AT);
        return new cn.bijie.innovation.shared.indicator.IndicatorStore.Recognition(Items.str(item, CERTIFICATION_ID),
                Items.str(item, USCC), Items.str(item, KIND), Items.str(item, LEVEL), Items.str(item, PLATFORM_ID),
                Items.str(item, COUNTY), Items.str(item, ISSUED_ON), Items.str(item, EXPIRES_ON),
                revokedAt == null ? null : cn.bijie.innovation.shared.time.Shanghai.dateOf(Instant.parse(revokedAt))
                        .toString());
    }

    public static Certification fromItem(Map<String, AttributeValue> item) {
        String status = Items.str(item, STATUS);
        return new Certification(Items.str(item, CERTIFICATION_ID), Items.str(item, USCC), Items.str(item, KIND),
                Items.str(item, LEVEL), Items.flag(item, RENEWAL), Items.str(item, PLATFORM_NAME),
                Items.str(item, CERTIFICATE_NO), Items.str(item, ISSUED_ON), Items.str(item, EXPIRES_ON),
                status == null ? null : CertificationStatus.valueOf(status), Items.flag(item, SUBSIDY_ELIGIBLE),
                Items.str(item, SUBSIDY_NOTE), Items.str(item, AUTHORITY), Items.str(item, APPLICATION_ID),
                Items.str(item, RECORDED_AT), Items.str(item, REVOKED_AT), Items.str(item, REVOCATION_REASON),
                Items.str(item, PLATFORM_ID),
                item.containsKey(RENEWAL_CLAIMED) ? Items.flag(item, RENEWAL_CLAIMED) : null,
                Items.str(item, CLASSIFICATION), Items.str(item, CLASSIFICATION_REASON));
    }
}
