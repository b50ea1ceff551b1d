package cn.bijie.innovation.shared.store.dynamodb;

import java.time.LocalDate;
import java.util.Map;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * Every key of the single table in one place. Items of one entity share a partition with their audit trail:
 * {@code PK = <ENTITY>#<id>}, the record at {@code SK = <ENTITY>}, audit entries at
 * {@code SK = AUDIT#<position>} and their chain's head at {@code SK = AUDIT_HEAD} ({@link AuditMapper}).
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

    /**
     * How many applications of the organisation are open: a counter item of its own in the organisation's partition
     * (not the profile, which {@code PUT /organizations} writes whole).
     */
    public static Map<String, AttributeValue> openApplications(String uscc) {
        return key(organizationPk(uscc), "OPEN_APPLICATIONS");
    }

    /** Scoped to the caller: two users may pick the same key without meeting. */
    public static Map<String, AttributeValue> idempotency(String callerSub, String idempotencyKey) {
        return key("IDEM#" + callerSub + "#" + idempotencyKey, "IDEM");
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

    /**
     * The audit entries of an application's document downloads: a partition apart from the application's, which the
     * document list reads whole.
     */
    public static String downloadsPk(String applicationId) {
        return "DOWNLOADS#" + applicationId;
    }

    public static String policyPk(String version) {
        return "POLICY#" + version;
    }

    /** A policy parameter staff set; the stream carries its change to the subsidy function. */
    public static Map<String, AttributeValue> policyParameter(String version, String name) {
        return key(policyPk(version), PARAMETER_PREFIX + name);
    }

    /** The last change of a policy parameter proposed, waiting for a second staff member or approved. */
    public static Map<String, AttributeValue> policyProposal(String version, String name) {
        return key(policyPk(version), "PROPOSAL#" + name);
    }

    public static final String PARAMETER_PREFIX = "PARAM#";

    public static String applicationPk(String applicationId) {
        return "APP#" + applicationId;
    }

    public static Map<String, AttributeValue> application(String applicationId) {
        return key(applicationPk(applicationId), "APP");
    }

    /** GSI1 partition of one organisation's applications. */
    public static String applicationsOf(String uscc) {
        return "ORG#" + uscc + "#APP";
    }

    /** GSI2 partition of the applications in one status. */
    public static String applicationsIn(String status) {
        return "APP#" + status;
    }

    /** GSI3 partition of every application. */
    public static final String ALL_APPLICATIONS = "APP";

    /** The sort key of an application in GSI1–3: newest first when queried backwards. */
    public static String applicationSortKey(String submittedAt, String applicationId) {
        return submittedAt + "#" + applicationId;
    }

    /** A document lives in its application's partition, beside the application and its audit trail. */
    public static Map<String, AttributeValue> document(String applicationId, String documentId) {
        return key(applicationPk(applicationId), DOCUMENT_PREFIX + documentId);
    }

    public static final String DOCUMENT_PREFIX = "DOC#";

    /** GSI1 partition of an organisation's certifications, {@code <issuedOn>#<id>} ascending. */
    public static String organizationCertificationsPk(String uscc) {
        return organizationPk(uscc) + "#CERT";
    }

    /** Marks an expiry reminder of one certification at one threshold as sent (or refused). */
    public static Map<String, AttributeValue> reminderMarker(String certificationId, int thresholdDays) {
        return key("REMINDER#" + certificationId, Integer.toString(thresholdDays));
    }

    /** Marks the digest of one mailbox ({@code STAFF}, {@code FINANCE}) on one date as sent. */
    public static Map<String, AttributeValue> digestMarker(String mailbox, LocalDate date) {
        return key("DIGEST#" + mailbox, date.toString());
    }

    /** The reminder run's own state: the last date it processed. */
    public static Map<String, AttributeValue> reminderRun() {
        return key("RUN#send-reminders", "STATE");
    }

    public static String importPk(String importId) {
        return "IMPORT#" + importId;
    }

    /** A list import: the record, its rows' outcomes ({@code ROW#<row>}) and its audit trail in one partition. */
    public static Map<String, AttributeValue> listImport(String importId) {
        return key(importPk(importId), "IMPORT");
    }

    public static final String IMPORT_ROW_PREFIX = "ROW#";

    /** The outcome of one data row of an import, in row order. */
    public static Map<String, AttributeValue> importRow(String importId, int row) {
        return key(importPk(importId), IMPORT_ROW_PREFIX + String.format("%07d", row));
    }

    /** GSI3 partition of every import. */
    public static final String ALL_IMPORTS = "IMPORT";

    /** Marks one mail of an import as gone (or refused): the summary, an entitlement notice. */
    public static Map<String, AttributeValue> importMail(String marker) {
        return key("IMPORTMAIL#" + marker, "MAIL");
    }

    /** An organisation's notifications, one per event ({@code <at>#<change>#<event>#<record id>}), oldest first. */
    public static String notificationsPk(String uscc) {
        return "NOTIFY#" + uscc;
    }
}
