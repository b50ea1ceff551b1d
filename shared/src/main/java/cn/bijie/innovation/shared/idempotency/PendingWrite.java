package cn.bijie.innovation.shared.idempotency;

/**
 * The domain changes of one write request, checked and assembled by a store but not yet committed. The edge commits
 * them together with its {@link Answer}: the store never learns what the request answers.
 */
public interface PendingWrite {
    /**
     * Commits the changes and, when the answer carries an {@code Idempotency-Key}, its idempotency record, in one
     * transaction. A lost race on that key answers the winner's stored response instead.
     */
    Committed commit(Answer answer);
}
