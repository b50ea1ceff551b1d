package cn.bijie.innovation.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import java.util.List;
import org.junit.jupiter.api.Test;

class BenchOptionsTest {

    @Test
    void defaults_areTheIssuesFigures() {
        BenchOptions options = BenchOptions.parse("--endpoint", "http://127.0.0.1:4566");

        assertThat(options.endpoint()).isEqualTo(URI.create("http://127.0.0.1:4566"));
        assertThat(options.coldRuns()).isEqualTo(5);
        assertThat(options.durationSeconds()).isEqualTo(20);
        assertThat(options.concurrency()).isEqualTo(8);
        assertThat(options.indicatorOrganisations()).containsExactly(100, 10_000);
        assertThat(options.measures("cold")).isTrue();
    }

    @Test
    void measure_andOnly_narrowTheRun() {
        BenchOptions options = BenchOptions.parse("--endpoint", "http://e", "--measure", "jars,cold",
                "--only", "OrganizationsFunction", "--duration", "3");

        assertThat(options.measures("cold")).isTrue();
        assertThat(options.measures("runner")).isFalse();
        assertThat(options.functions()).isEqualTo(List.of("OrganizationsFunction"));
        assertThat(options.durationSeconds()).isEqualTo(3);
    }

    @Test
    void aMissingEndpointOrABadNumber_isRefused() {
        assertThatThrownBy(() -> BenchOptions.parse("--runs", "5")).hasMessageContaining("--endpoint");
        assertThatThrownBy(() -> BenchOptions.parse("--endpoint", "http://e", "--runs", "0"))
                .hasMessageContaining("--runs");
    }
}
