package cn.bijie.innovation.shared.mail;

/** One message to one recipient, with a plain-text and an HTML body; the sender is the adapter's. */
public record Mail(String to, String subject, String text, String html) {}
