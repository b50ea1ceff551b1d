package cn.bijie.innovation.shared.mail;

/** Sends mail. Never throws for a refused or failed send: the outcome says what the caller may do next. */
public interface Mailer {
    SendResult send(Mail mail);
}
