package cn.bijie.innovation.functions.certifications;

import cn.bijie.innovation.shared.http.NotImplementedHandler;

/** Answers 501 until its issue lands. */
public final class RecordCertificationHandler extends NotImplementedHandler {}
