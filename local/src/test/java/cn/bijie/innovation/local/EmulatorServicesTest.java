package cn.bijie.innovation.local;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * MiniStack is started in three places: by the tests ({@code testing/MiniStack}), by {@code ./dev up} and by the web
 * console's test stack. Each names the services to emulate; a service the template gained in one list only (the
 * page-token secret's Secrets Manager did) breaks the other two at start-up, which no Maven test would see.
 */
class EmulatorServicesTest {
    static final Path ROOT = Path.of("..").toAbsolutePath().normalize();
    static final Pattern SERVICES = Pattern.compile("SERVICES[\"']?\\s*[,:=]\\s*[\"']([a-z0-9,]+)[\"']");

    @Test
    void theTestsTheDevScriptAndTheConsoleStackStartTheSameServices() throws IOException {
        List<String> lists = new ArrayList<>();
        for (String file : List.of("shared/src/test/java/cn/bijie/innovation/shared/testing/MiniStack.java", "dev",
                "web/tests/stack.mjs")) {
            Matcher m = SERVICES.matcher(Files.readString(ROOT.resolve(file)));
            assertThat(m.find()).as("a SERVICES list in " + file).isTrue();
            lists.add(m.group(1));
        }
        assertThat(lists.get(0)).contains("secretsmanager");
        assertThat(lists).as("MiniStack.java, dev, stack.mjs").containsOnly(lists.get(0));
    }
}
