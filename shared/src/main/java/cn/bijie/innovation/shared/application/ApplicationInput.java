package cn.bijie.innovation.shared.application;

/** The body of {@code POST /applications} and of {@code PUT /applications/{applicationId}}. */
public record ApplicationInput(String uscc, String kind, String level, Boolean renewal, String platformName,
        String certificateNo, String issuedOn, String notes) {}
