package cn.bijie.innovation.local.runner;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;

public class CliOptionsTest {
    @Test
    void parse_appliesDefaults_andRepeatsParams() {
        CliOptions options = CliOptions.parse("--template", "/p/template.yaml", "--param", "Stage=prod", "--param", "A=b=c");

        assertThat(options.port()).isEqualTo(3000);
        assertThat(options.host()).isEqualTo("127.0.0.1");
        assertThat(options.endpoint()).hasToString("http://127.0.0.1:4566");
        assertThat(options.stack()).isEqualTo("bijie-local");
        assertThat(options.parameters()).isEqualTo(Map.of("Stage", "prod", "A", "b=c"));
        assertThat(options.projectRoot()).isEqualTo(Path.of("/p"));
    }

    @Test
    void parse_rejectsIncompleteCommands() {
        assertThatThrownBy(() -> CliOptions.parse("--port", "3000")).hasMessageContaining("--template");
        assertThatThrownBy(() -> CliOptions.parse("--template", "t.yaml", "--invoke", "F")).hasMessageContaining("--event");
        assertThatThrownBy(() -> CliOptions.parse("--template", "t.yaml", "--port", "x")).hasMessageContaining("--port");
    }
}
