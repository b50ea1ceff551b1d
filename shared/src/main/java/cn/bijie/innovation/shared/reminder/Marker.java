package cn.bijie.innovation.shared.reminder;

/** What a reminder or digest marker records: sent, or refused for the address {@code to}. */
public record Marker(Outcome outcome, String to) {

    public enum Outcome { SENT, REJECTED }

    public boolean sent() {
        return outcome == Outcome.SENT;
    }
}
