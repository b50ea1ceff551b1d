package cn.bijie.innovation.functions.indicators;

import cn.bijie.innovation.shared.http.NotImplementedHandler;

/** Answers 501 until its issue lands. */
public final class IndicatorsHandler extends NotImplementedHandler {}
