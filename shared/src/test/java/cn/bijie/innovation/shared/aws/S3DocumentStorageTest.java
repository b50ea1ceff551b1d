package cn.bijie.innovation.shared.aws;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class S3DocumentStorageTest {
    @Test
    void contentDisposition_carriesTheChineseNameAsUtf8_withAnAsciiFallback() {
        assertThat(S3DocumentStorage.contentDisposition("营业执照 2026.pdf")).isEqualTo(
                "attachment; filename=\"____ 2026.pdf\"; "
                        + "filename*=UTF-8''%E8%90%A5%E4%B8%9A%E6%89%A7%E7%85%A7%202026.pdf");
    }

    @Test
    void contentDisposition_neverLetsAQuoteEndTheParameter() {
        assertThat(S3DocumentStorage.contentDisposition("a\"b.pdf")).startsWith("attachment; filename=\"a_b.pdf\";")
                .contains("filename*=UTF-8''a%22b.pdf");
    }
}
