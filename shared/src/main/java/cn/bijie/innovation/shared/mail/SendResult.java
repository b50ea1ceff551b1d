package cn.bijie.innovation.shared.mail;

/** What became of one send. */
public sealed interface SendResult {

    /** The mail service took the message. */
    record Accepted(String messageId) implements SendResult {}

    /** Throttled or a passing server error: worth trying again shortly, within the same run. */
    record Retryable(String reason) implements SendResult {}

    /** The recipient's address was refused: sending the same mail there again will fail again. */
    record Rejected(String reason) implements SendResult {}

    /** The service or its configuration failed (unreachable, sender not verified, sending paused): try on a later run. */
    record Failed(String reason) implements SendResult {}
}
