package cn.bijie.innovation.shared.errors;

import java.util.List;

/**
 * What a request read changed before its transaction committed (a counter's holding, a subsidy, a parameter), or its
 * transaction met another one or was throttled: the transaction was cancelled whole, so the unit of work reads again
 * and retries ({@code retry/Retry}). Seen by a client only when the retries ran out, as a plain 409.
 */
public final class ReadOutdated extends DomainException {
    public ReadOutdated() {
        super("数据已被并发修改，请重试 (the records changed meanwhile; retry)", List.of());
    }

    @Override
    public String code() {
        return "CONFLICT";
    }

    @Override
    public int status() {
        return 409;
    }
}
