package cn.bijie.innovation.shared.imports;

import java.util.Map;

/** The 201 of {@code POST /imports}: the import, and where and how to {@code PUT} the file, until when. */
public record ImportTicket(String importId, String uploadUrl, Map<String, String> uploadHeaders, String expiresAt) {}
