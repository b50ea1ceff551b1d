package cn.bijie.innovation.shared.platform;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class CertificateNumbersTest {

    @Test
    void everyBracketStyle_widthAndSpacing_ofOneNumber_isOneNumber() {
        String canonical = CertificateNumbers.normalized("黔科合平台〔2019〕1");
        assertThat(canonical).isEqualTo("黔科合平台[2019]1");
        for (String typed : new String[] {"黔科合平台[2019]1", "黔科合平台【2019】1", "黔科合平台（2019）1",
                "黔科合平台(2019)1号", " 黔科合平台 〔２０１９〕 1 ", "黔科合平台［2019］1"}) {
            assertThat(CertificateNumbers.normalized(typed)).as(typed).isEqualTo(canonical);
        }
        assertThat(CertificateNumbers.normalized("ｇｒ２０２６５２０００１２３")).isEqualTo("GR202652000123");
    }

    @Test
    void differentNumbers_stayDifferent() {
        assertThat(CertificateNumbers.normalized("黔科合平台〔2019〕1"))
                .isNotEqualTo(CertificateNumbers.normalized("黔科合平台〔2019〕11"))
                .isNotEqualTo(CertificateNumbers.normalized("黔科合平台〔2018〕1"));
    }
}
