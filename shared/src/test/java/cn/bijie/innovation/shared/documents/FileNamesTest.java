package cn.bijie.innovation.shared.documents;

import static org.assertj.core.api.Assertions.assertThat;

import cn.bijie.innovation.shared.validation.TextPolicy;
import org.junit.jupiter.api.Test;

class FileNamesTest {

    @Test
    void theBidiTrickOfIssue16_isRefused() {
        // shows as 证书exe.pdf, saves as .exe
        assertThat(TextPolicy.problem("证书\u202Efdp.exe", false)).contains("U+202E");
    }

    @Test
    void controlFormatAndSeparatorCharactersAreRefused_ordinaryNamesPass() {
        for (String bad : new String[] {"a\u0000b", "a\u0007b", "a\u001B[2Jb", "a\r\nBcc: x@example.org",
                "a\u200Bb", "a\u200Db", "\uFEFFa", "a\u2066b\u2069", "a\u00ADb", "a\u2028b", "a/b", "a\\b"}) {
            assertThat(TextPolicy.problem(bad, false) != null || FileNames.hasPathSeparator(bad)).as(bad).isTrue();
        }
        for (String good : new String[] {"高新技术企业证书.pdf", "营业执照（副本）.jpg", "report 2026-11.docx", "a*b.pdf",
                "证书 第1页.png", "𠮷野家.pdf"}) {
            assertThat(TextPolicy.problem(good, false)).as(good).isNull();
            assertThat(FileNames.hasPathSeparator(good)).as(good).isFalse();
        }
    }

    @Test
    void aDownloadIsNamedWithTheExtensionOfItsCheckedType() {
        assertThat(FileNames.forDownload("高新技术企业证书.pdf", "application/pdf")).isEqualTo("高新技术企业证书.pdf");
        assertThat(FileNames.forDownload("证书.PDF", "application/pdf")).isEqualTo("证书.PDF");
        assertThat(FileNames.forDownload("证书", "application/pdf")).isEqualTo("证书.pdf");
        assertThat(FileNames.forDownload("证书.exe", "application/pdf")).isEqualTo("证书.exe.pdf");
        assertThat(FileNames.forDownload("照片.jpeg", "image/jpeg")).isEqualTo("照片.jpeg");
        assertThat(FileNames.forDownload("照片.png", "image/jpeg")).isEqualTo("照片.png.jpg");
    }
}
