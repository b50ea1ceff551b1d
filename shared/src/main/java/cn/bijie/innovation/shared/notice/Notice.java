package cn.bijie.innovation.shared.notice;

import java.util.List;

/**
 * A public notice (公示) of subsidies before payment: it opens on {@code opensOn} and runs for {@code workingDays}
 * working days, the last being {@code endsOn}; the daily run closes it on a later day.
 */
public record Notice(String noticeId, String title, NoticeStatus status, String opensOn, String endsOn,
        int workingDays, List<NoticeEntry> entries, String createdAt, String createdBy, String closedAt) {

    public Notice closed(List<NoticeEntry> closedEntries, String at) {
        return new Notice(noticeId, title, NoticeStatus.CLOSED, opensOn, endsOn, workingDays, closedEntries, createdAt,
                createdBy, at);
    }
}
