package cn.bijie.innovation.shared.documents;

import java.util.Locale;

/**
 * File names as applicants give them and as staff save them. A file name is free text, so the text policy
 * ({@code validation/TextPolicy}) already refuses what makes a name show other than it is — control characters and
 * format characters such as U+202E, which makes {@code 证书\u202Efdp.exe} show as {@code 证书exe.pdf} and save as an
 * {@code .exe}; a name is not a path either. And a download is named after the content type its bytes were checked
 * against ({@link FileSignature}), never after the applicant's extension alone.
 */
public final class FileNames {
    private FileNames() {}

    public static boolean hasPathSeparator(String name) {
        return name.indexOf('/') >= 0 || name.indexOf('\\') >= 0;
    }

    /** The name a download is saved under: the applicant's name, ending in the content type's own extension. */
    public static String forDownload(String name, String contentType) {
        String extension = FileSignature.extension(contentType);
        String alternative = FileSignature.JPEG.equals(contentType) ? ".jpeg" : extension;
        String lower = name.toLowerCase(Locale.ROOT);
        return lower.endsWith(extension) || lower.endsWith(alternative) ? name : name + extension;
    }
}
