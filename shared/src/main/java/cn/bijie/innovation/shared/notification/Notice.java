package cn.bijie.innovation.shared.notification;

/**
 * One event to tell one organisation about: {@code key} names it for good (the same change delivered twice has the
 * same key, two changes never), {@code at} is when the change was written, {@code record} the record after the change.
 */
public record Notice(String key, String uscc, NotificationEvent event, String at, Object record) {}
