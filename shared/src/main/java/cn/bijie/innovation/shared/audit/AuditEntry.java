package cn.bijie.innovation.shared.audit;

import java.time.Instant;

/**
 * Who changed what, when, from which state to which. Stored in the partition of the record it is about, written in
 * the same transaction as the change, never deleted by the API.
 */
public record AuditEntry(String entityPk, String actor, String action, Instant at, Object before, Object after) {}
