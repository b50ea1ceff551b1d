package cn.bijie.innovation.shared.documents;

import java.util.Arrays;
import java.util.List;
import java.util.Map;

/**
 * What a file of each accepted content type starts with, and the extension it is saved under. The declared type is
 * the applicant's word; the first bytes are what staff would open: a download is refused when they disagree (an
 * {@code MZ} executable declared as {@code application/pdf} is never served as a PDF).
 */
public final class FileSignature {
    /** How many leading bytes the check reads from the store. */
    public static final int HEAD_BYTES = 8;

    public static final String PDF = "application/pdf";
    public static final String JPEG = "image/jpeg";
    public static final String PNG = "image/png";
    /** 版式文档 (GB/T 33190), the format of Chinese electronic certificates: a ZIP container. */
    public static final String OFD = "application/ofd";
    public static final String DOCX = "application/vnd.openxmlformats-officedocument.wordprocessingml.document";
    public static final String XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

    private static final byte[] ZIP = {'P', 'K', 3, 4};

    private record Kind(String extension, List<byte[]> signatures) {}

    private static final Map<String, Kind> KINDS = Map.of(
            PDF, new Kind(".pdf", List.of(new byte[] {'%', 'P', 'D', 'F', '-'})),
            JPEG, new Kind(".jpg", List.of(new byte[] {(byte) 0xFF, (byte) 0xD8, (byte) 0xFF})),
            PNG, new Kind(".png", List.of(new byte[] {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1A, '\n'})),
            OFD, new Kind(".ofd", List.of(ZIP)),
            DOCX, new Kind(".docx", List.of(ZIP)),
            XLSX, new Kind(".xlsx", List.of(ZIP)));

    private FileSignature() {}

    /** Whether the content type is one the bureau accepts. */
    public static boolean accepted(String contentType) {
        return contentType != null && KINDS.containsKey(contentType);
    }

    /** Whether {@code head}, the file's first bytes, is what a file of {@code contentType} starts with. */
    public static boolean matches(String contentType, byte[] head) {
        Kind kind = KINDS.get(contentType);
        return kind != null && head != null && kind.signatures().stream().anyMatch(s -> startsWith(head, s));
    }

    /** The extension a file of this type is saved under, with its dot ({@code .pdf}). */
    public static String extension(String contentType) {
        Kind kind = KINDS.get(contentType);
        if (kind == null) {
            throw new IllegalArgumentException("not an accepted content type: " + contentType);
        }
        return kind.extension();
    }

    private static boolean startsWith(byte[] head, byte[] signature) {
        return head.length >= signature.length && Arrays.equals(head, 0, signature.length, signature, 0,
                signature.length);
    }
}
