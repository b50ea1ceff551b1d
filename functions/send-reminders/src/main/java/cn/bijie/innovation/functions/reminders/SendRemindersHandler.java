package cn.bijie.innovation.functions.reminders;

import cn.bijie.innovation.shared.http.NotImplementedHandler;

/** Answers 501 until its issue lands. */
public final class SendRemindersHandler extends NotImplementedHandler {}
