package cn.bijie.innovation.shared.notice;

import cn.bijie.innovation.shared.idempotency.PendingWrite;
import cn.bijie.innovation.shared.paging.Slice;
import cn.bijie.innovation.shared.subsidy.Subsidy;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Where notices and their objections live; opening and closing move the subsidies in the same transaction. */
public interface NoticeStore {
    Optional<Notice> find(String noticeId);

    /** Notices, newest first; {@code status} null: all. */
    Slice<Notice> list(NoticeStatus status, int limit, Map<String, String> start);

    /** The subsidies of these ids that exist (strongly consistent). */
    Map<String, Subsidy> subsidies(List<String> subsidyIds);

    /** Organisation names by USCC, for those that have a profile. */
    Map<String, String> organizationNames(List<String> usccs);

    /** The notice, and each subsidy {@code AWAITING_NOTICE → ON_NOTICE}; one not ready any more is a Conflict. */
    PendingWrite open(Notice notice, List<Subsidy> before, List<Subsidy> after, String actor, Instant at);

    /** {@code OPEN} notices whose last working day is before {@code day}. */
    List<Notice> endedBefore(LocalDate day);

    List<Objection> objections(String noticeId);

    Optional<Objection> objection(String noticeId, String objectionId);

    /**
     * Stores an objection, counting it against {@code limits} (per source and hour, per notice and hour) in the same
     * write; over a limit is {@code TooManyRequests}.
     */
    PendingWrite lodge(Objection objection, String source, RateLimits limits, Instant at);

    PendingWrite decide(Objection before, Objection after, String actor, Instant at);

    /** Closes {@code after}'s notice and moves each subsidy {@code ON_NOTICE →} its outcome; false: closed already. */
    boolean close(Notice before, Notice after, List<Subsidy> subsidiesBefore, List<Subsidy> subsidiesAfter,
            String actor, Instant at);

    /** How many objections one source may lodge to one notice per hour, and the notice all in all per hour. */
    record RateLimits(int perSourcePerHour, int perNoticePerHour) {}
}
