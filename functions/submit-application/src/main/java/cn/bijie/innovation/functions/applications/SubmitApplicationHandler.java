package cn.bijie.innovation.functions.applications;

import cn.bijie.innovation.shared.http.NotImplementedHandler;

/** Answers 501 until its issue lands. */
public final class SubmitApplicationHandler extends NotImplementedHandler {}
