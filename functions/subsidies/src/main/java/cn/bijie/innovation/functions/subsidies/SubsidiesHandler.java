package cn.bijie.innovation.functions.subsidies;

import cn.bijie.innovation.shared.http.NotImplementedHandler;

/** Answers 501 until its issue lands. */
public final class SubsidiesHandler extends NotImplementedHandler {}
