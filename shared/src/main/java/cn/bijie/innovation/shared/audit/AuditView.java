package cn.bijie.innovation.shared.audit;

import com.fasterxml.jackson.databind.JsonNode;

/** {@code GET /audit}: one entry with the record before and after as JSON, and its links. */
public record AuditView(String entity, long seq, String actor, String action, String at, JsonNode before,
        JsonNode after, String prevHash, String hash) {}
