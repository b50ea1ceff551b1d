package cn.bijie.innovation.shared.log;

import java.util.regex.Pattern;

/** Logs never carry a recipient's e-mail address: a mail service's message that quotes one is logged without it. */
public final class Addresses {
    private static final Pattern ADDRESS = Pattern.compile("[^\\s<>\"'(),;:\\[\\]]+@[^\\s<>\"'(),;:\\[\\]]+");

    private Addresses() {}

    public static String redact(String text) {
        return text == null ? null : ADDRESS.matcher(text).replaceAll("<address>");
    }
}
