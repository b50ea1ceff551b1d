package cn.bijie.innovation.shared.organization;

import cn.bijie.innovation.shared.log.Log;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * What the mail service reported about a mail it could not deliver to an organisation: a bounce or a complaint. A
 * permanent bounce and a complaint mark the contact address as failing; a transient (or undetermined) bounce is the
 * mail service's to retry and marks nothing.
 */
public final class MailFeedback {
    /** One report: the organisation the mail was for (its message tag), the addresses it names, what happened. */
    public record Report(String uscc, Kind kind, String type, String subType, List<String> addresses, Instant at) {}

    public enum Kind { BOUNCE, COMPLAINT }

    /** What became of one report. */
    public enum Outcome { MARKED, TRANSIENT, NOT_MARKED, UNTAGGED }

    public static final String PERMANENT = "Permanent";

    private final ContactMarks marks;

    public MailFeedback(ContactMarks marks) {
        this.marks = marks;
    }

    public Outcome handle(Report report) {
        Outcome outcome = outcome(report);
        Map<String, Object> fields = new LinkedHashMap<>();
        fields.put("uscc", String.valueOf(report.uscc()));
        fields.put("kind", report.kind().name());
        fields.put("type", String.valueOf(failure(report)));
        fields.put("outcome", outcome.name());
        Log.info("mail feedback", fields); // never the address
        return outcome;
    }

    private Outcome outcome(Report report) {
        if (report.uscc() == null || report.uscc().isBlank()) {
            return Outcome.UNTAGGED; // a digest to a bureau mailbox, or a mail of no organisation
        }
        if (report.kind() == Kind.BOUNCE && !PERMANENT.equals(report.type())) {
            return Outcome.TRANSIENT;
        }
        String status = report.kind() == Kind.BOUNCE ? Organization.BOUNCED : Organization.COMPLAINED;
        boolean marked = false;
        for (String address : report.addresses()) {
            marked |= marks.markFailing(report.uscc(), address, status, failure(report), report.at());
        }
        return marked ? Outcome.MARKED : Outcome.NOT_MARKED;
    }

    /** {@code Permanent/General}; a complaint's feedback type, or {@code complaint} when the receiver gave none. */
    static String failure(Report report) {
        String type = report.type() == null ? report.kind().name().toLowerCase(Locale.ROOT) : report.type();
        return report.subType() == null ? type : type + "/" + report.subType();
    }
}
