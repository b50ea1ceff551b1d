package cn.bijie.innovation.shared.notification;

/** What an applicant is told about; {@link ApplicantEvents} says which change of which record is which. */
public enum NotificationEvent {
    APPLICATION_RECEIVED("申报已受理"),
    APPLICATION_RETURNED("申报被退回补充材料"),
    APPLICATION_REJECTED("申报未予认定"),
    CERTIFIED("认定已登记"),
    SUBSIDY_CALCULATED("补助金额已核定"),
    SUBSIDY_ON_NOTICE("补助已进入拨付前公示"),
    SUBSIDY_PAID("补助已拨付"),
    /** To the bureau's staff, not an applicant ({@link ObjectionAlerts}): someone objected to a notice (公示). */
    OBJECTION_LODGED("公示收到异议");

    private final String title;

    NotificationEvent(String title) {
        this.title = title;
    }

    /** The Chinese title, as the mail's subject names it. */
    public String title() {
        return title;
    }
}
