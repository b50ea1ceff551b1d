package cn.bijie.innovation.shared.notice;

/** API.md: a public notice (公示) runs ({@code OPEN}) until the daily run closes it after its last working day. */
public enum NoticeStatus {
    OPEN, CLOSED
}
