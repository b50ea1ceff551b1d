package cn.bijie.innovation.functions.subsidycalc;

import cn.bijie.innovation.shared.http.NotImplementedHandler;

/** Answers 501 until its issue lands. */
public final class CalculateSubsidyHandler extends NotImplementedHandler {}
