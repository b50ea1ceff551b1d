package cn.bijie.innovation.shared.documents;

import java.util.Map;

/** The 201 of a new document: where and how to {@code PUT} the bytes, until when. */
public record UploadTicket(String documentId, String uploadUrl, Map<String, String> uploadHeaders, String expiresAt) {}
