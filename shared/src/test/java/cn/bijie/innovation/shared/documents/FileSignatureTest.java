package cn.bijie.innovation.shared.documents;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

class FileSignatureTest {
    static final byte[] PDF = "%PDF-1.7\n".getBytes(StandardCharsets.US_ASCII);
    static final byte[] JPEG = {(byte) 0xFF, (byte) 0xD8, (byte) 0xFF, (byte) 0xE0, 0, 0x10, 'J', 'F'};
    static final byte[] PNG = {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1A, '\n'};
    static final byte[] ZIP = {'P', 'K', 3, 4, 20, 0, 6, 0};
    /** A Windows executable: what the attack of issue 16 uploads as application/pdf. */
    static final byte[] EXE = {'M', 'Z', (byte) 0x90, 0, 3, 0, 0, 0};

    @Test
    void eachTypeMatchesItsOwnSignatureOnly() {
        assertThat(FileSignature.matches("application/pdf", PDF)).isTrue();
        assertThat(FileSignature.matches("image/jpeg", JPEG)).isTrue();
        assertThat(FileSignature.matches("image/png", PNG)).isTrue();
        for (String container : List.of(FileSignature.OFD, FileSignature.DOCX, FileSignature.XLSX)) {
            assertThat(FileSignature.matches(container, ZIP)).as(container).isTrue();
            assertThat(FileSignature.matches(container, PDF)).as(container).isFalse();
        }
        assertThat(FileSignature.matches("application/pdf", JPEG)).isFalse();
        assertThat(FileSignature.matches("image/png", JPEG)).isFalse();
        assertThat(FileSignature.matches("image/jpeg", PNG)).isFalse();
    }

    @Test
    void anExecutableIsNoneOfThem_andShortOrMissingBytesNeverMatch() {
        for (String type : List.of("application/pdf", "image/jpeg", "image/png", FileSignature.OFD)) {
            assertThat(FileSignature.matches(type, EXE)).as(type).isFalse();
            assertThat(FileSignature.matches(type, new byte[0])).as(type).isFalse();
            assertThat(FileSignature.matches(type, null)).as(type).isFalse();
        }
        assertThat(FileSignature.matches("application/pdf", "%PD".getBytes(StandardCharsets.US_ASCII))).isFalse();
        assertThat(FileSignature.matches("application/x-msdownload", EXE)).isFalse();
    }

    @Test
    void theExtensionComesFromTheContentType() {
        assertThat(FileSignature.extension("application/pdf")).isEqualTo(".pdf");
        assertThat(FileSignature.extension("image/jpeg")).isEqualTo(".jpg");
        assertThat(FileSignature.extension(FileSignature.OFD)).isEqualTo(".ofd");
        assertThat(FileSignature.accepted("text/html")).isFalse();
        assertThatThrownBy(() -> FileSignature.extension("text/html")).isInstanceOf(IllegalArgumentException.class);
    }
}
