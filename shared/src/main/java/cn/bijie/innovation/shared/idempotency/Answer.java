package cn.bijie.innovation.shared.idempotency;

/**
 * What the edge answers a write request with, as it is stored for a retry of the same request; {@code key} is null
 * when the request came without an {@code Idempotency-Key}. Built and read by the edge only: the domain carries it.
 */
public record Answer(IdempotencyKey key, int status, String bodyJson) {}
