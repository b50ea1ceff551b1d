package cn.bijie.innovation.shared.notice;

/** An objection is lodged by anyone, then upheld or dismissed by staff. */
public enum ObjectionStatus {
    LODGED, UPHELD, DISMISSED
}
