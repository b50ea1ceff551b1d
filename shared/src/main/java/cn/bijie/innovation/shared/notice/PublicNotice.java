package cn.bijie.innovation.shared.notice;

import java.util.List;

/** What the public sees of a notice: no USCC, no contact, nothing of staff. */
public record PublicNotice(String noticeId, String title, NoticeStatus status, String opensOn, String endsOn,
        int workingDays, List<Entry> entries) {

    public record Entry(String subsidyId, String organizationName, String recognition, Long amountYuan,
            String clause) {}

    public static PublicNotice of(Notice notice) {
        return new PublicNotice(notice.noticeId(), notice.title(), notice.status(), notice.opensOn(), notice.endsOn(),
                notice.workingDays(), notice.entries().stream().map(e -> new Entry(e.subsidyId(),
                        e.organizationName(), e.recognition(), e.amountYuan(), e.clause())).toList());
    }
}
