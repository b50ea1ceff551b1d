package cn.bijie.innovation.shared.store.dynamodb;

import cn.bijie.innovation.shared.certification.Certification;
import cn.bijie.innovation.shared.errors.Conflict;
import cn.bijie.innovation.shared.errors.ReadOutdated;
import cn.bijie.innovation.shared.platform.CertificateNumbers;
import cn.bijie.innovation.shared.platform.Platform;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * The platform's item and the certificate number's, the only place their attribute names and keys are written. A
 * platform lives beside its organisation's profile ({@code ORG#<uscc> / PLATFORM#<id>}), so the query that reads the
 * profile and the holdings reads the platforms too; its history is a string set of
 * {@code <issuedOn>|<level>|<kind>|<certificationId>}. A certificate number, normalised, owns
 * {@code CERTNO#<kind>#<number> / CERTNO} naming the certification recorded with it.
 */
final class PlatformMapper {
    static final String TYPE = "PLATFORM";
    static final String SK_PREFIX = "PLATFORM#";
    static final String PLATFORM_ID = "platformId";
    static final String USCC = "uscc";
    static final String FAMILY = "family";
    static final String KIND = "kind";
    static final String NAME = "name";
    static final String RECOGNITIONS = "recognitions";
    static final String MERGED_INTO = "mergedInto";
    static final String CREATED_AT = "createdAt";
    static final String MERGED_AT = "mergedAt";
    static final String MERGE_REASON = "mergeReason";
    static final String NUMBER_TYPE = "CERTIFICATE_NUMBER";

    private PlatformMapper() {}

    static Map<String, AttributeValue> key(String uscc, String platformId) {
        return Keys.key(Keys.organizationPk(uscc), SK_PREFIX + platformId);
    }

    static Map<String, AttributeValue> numberKey(String kind, String certificateNo) {
        return Keys.key("CERTNO#" + kind + "#" + CertificateNumbers.normalized(certificateNo), "CERTNO");
    }

    /**
     * The certificate number's item, put only where none is: a second recording of the certificate, in whatever
     * bracket style or with whatever date, is a 409 naming the certification that has it.
     */
    static void claimNumber(WriteTransaction tx, Certification c) {
        Map<String, AttributeValue> item = new HashMap<>(numberKey(c.kind(), c.certificateNo()));
        item.put("type", Items.s(NUMBER_TYPE));
        item.put(CertificationMapper.CERTIFICATION_ID, Items.s(c.certificationId()));
        item.put(CertificationMapper.CERTIFICATE_NO, Items.s(c.certificateNo()));
        tx.putNaming(item, Condition.absent(), existing -> new Conflict("该证书已记录为认定 "
                + Items.str(existing, CertificationMapper.CERTIFICATION_ID) + "(证书编号 "
                + Items.str(existing, CertificationMapper.CERTIFICATE_NO) + ") (this certificate is recorded already as "
                + Items.str(existing, CertificationMapper.CERTIFICATION_ID) + ")"));
    }

    /**
     * Adds the recognition to its platform's history, creating the platform when it is new; conditioned on the
     * platform as read (its history's size), so that what the record derived from the history (a renewal) still holds.
     */
    static void addRecognition(WriteTransaction tx, Platform read, Certification c, Instant at) {
        Map<String, String> names = new HashMap<>(Map.of("#type", "type", "#name", NAME, "#id", PLATFORM_ID,
                "#uscc", USCC, "#family", FAMILY, "#kind", KIND, "#createdAt", CREATED_AT, "#r", RECOGNITIONS));
        Map<String, AttributeValue> values = new HashMap<>();
        values.put(":type", Items.s(TYPE));
        values.put(":id", Items.s(read.platformId()));
        values.put(":uscc", Items.s(read.uscc()));
        values.put(":family", Items.s(read.family()));
        values.put(":kind", Items.s(c.kind()));
        values.put(":name", Items.s(read.name()));
        values.put(":at", Items.s(at.toString()));
        values.put(":r", AttributeValue.fromSs(List.of(recognition(c))));
        Condition asRead = read.createdAt() == null ? Condition.absent()
                : new Condition("attribute_not_exists(" + MERGED_INTO + ") AND size(#r) = :seen",
                        Map.of(), Map.of(":seen", Items.n(read.recognitions().size())));
        tx.update(key(read.uscc(), read.platformId()),
                "SET #type = :type, #id = :id, #uscc = :uscc, #family = :family, #kind = :kind,"
                        + " #name = if_not_exists(#name, :name), #createdAt = if_not_exists(#createdAt, :at)"
                        + " ADD #r :r",
                names, values, asRead, ReadOutdated::new);
    }

    static String recognition(Certification c) {
        return entry(new Platform.Recognition(c.certificationId(), c.kind(), c.level(), c.issuedOn()));
    }

    private static String entry(Platform.Recognition r) {
        return r.issuedOn() + "|" + r.level() + "|" + r.kind() + "|" + r.certificationId();
    }

    /**
     * A merge, on the platform merged away: {@code mergedInto}, when and why, and its history gone (it moves to the
     * kept platform, {@link #takeOver}); conditioned on the platform as read (not merged, its history's size), so a
     * recognition recorded on it meanwhile fails the merge rather than being left behind.
     */
    static void mergeAway(WriteTransaction tx, Platform read, String into, Instant at, String reason) {
        tx.update(key(read.uscc(), read.platformId()),
                "SET #into = :into, #mergedAt = :mergedAt, #why = :why REMOVE #r",
                Map.of("#into", MERGED_INTO, "#mergedAt", MERGED_AT, "#why", MERGE_REASON, "#r", RECOGNITIONS),
                Map.of(":into", Items.s(into), ":mergedAt", Items.s(at.toString()), ":why", Items.s(reason)),
                asRead(read), ReadOutdated::new);
    }

    /** A merge, on the kept platform: the merged platform's history added to its own, conditioned as read. */
    static void takeOver(WriteTransaction tx, Platform read, Platform merged) {
        if (merged.recognitions().isEmpty()) {
            tx.check(key(read.uscc(), read.platformId()), asRead(read), ReadOutdated::new);
            return;
        }
        tx.update(key(read.uscc(), read.platformId()), "ADD #r :moved", Map.of("#r", RECOGNITIONS),
                Map.of(":moved", AttributeValue.fromSs(merged.recognitions().stream().map(PlatformMapper::entry)
                        .toList())),
                asRead(read), ReadOutdated::new);
    }

    private static Condition asRead(Platform read) {
        return new Condition("attribute_exists(PK) AND attribute_not_exists(" + MERGED_INTO + ") AND size(#r) = :seen",
                Map.of("#r", RECOGNITIONS), Map.of(":seen", Items.n(read.recognitions().size())));
    }

    static boolean isPlatform(String sortKey) {
        return sortKey.startsWith(SK_PREFIX);
    }

    static Platform fromItem(Map<String, AttributeValue> item) {
        AttributeValue set = item.get(RECOGNITIONS);
        List<Platform.Recognition> recognitions = new ArrayList<>();
        if (set != null && set.hasSs()) {
            for (String entry : set.ss()) {
                String[] parts = entry.split("\\|", 4);
                recognitions.add(new Platform.Recognition(parts[3], parts[2], parts[1], parts[0]));
            }
        }
        return new Platform(Items.str(item, PLATFORM_ID), Items.str(item, USCC), Items.str(item, FAMILY),
                Items.str(item, KIND), Items.str(item, NAME), recognitions, Items.str(item, MERGED_INTO),
                Items.str(item, CREATED_AT), null, Items.str(item, MERGED_AT), Items.str(item, MERGE_REASON));
    }
}
