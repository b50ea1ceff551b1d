package cn.bijie.innovation.functions.documents;

import cn.bijie.innovation.shared.http.NotImplementedHandler;

/** Answers 501 until its issue lands. */
public final class DocumentsHandler extends NotImplementedHandler {}
