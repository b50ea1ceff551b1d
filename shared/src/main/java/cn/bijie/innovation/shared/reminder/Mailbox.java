package cn.bijie.innovation.shared.reminder;

/** The two bureau mailboxes that get a daily digest. */
public enum Mailbox { STAFF, FINANCE }
