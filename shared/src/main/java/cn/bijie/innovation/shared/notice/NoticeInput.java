package cn.bijie.innovation.shared.notice;

import java.util.List;

/** The body of {@code POST /notices}. */
public record NoticeInput(String title, List<String> subsidyIds) {}
