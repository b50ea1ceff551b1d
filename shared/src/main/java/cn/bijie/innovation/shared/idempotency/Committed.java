package cn.bijie.innovation.shared.idempotency;

/** The response a write request answers with: the first one, also when this request replays it. */
public record Committed(int status, String bodyJson, boolean replayed) {}
