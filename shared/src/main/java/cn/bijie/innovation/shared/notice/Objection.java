package cn.bijie.innovation.shared.notice;

/**
 * An objection to one subsidy on a notice, lodged by anyone (no account): its text is stored and shown as text only.
 * Staff uphold it (the subsidy is held when the notice closes) or dismiss it, each with a reason.
 */
public record Objection(String objectionId, String noticeId, String subsidyId, String text, ObjectionStatus status,
        String lodgedAt, String decidedAt, String decidedBy, String reason) {

    public Objection decided(ObjectionStatus outcome, String by, String at, String why) {
        return new Objection(objectionId, noticeId, subsidyId, text, outcome, lodgedAt, at, by, why);
    }
}
