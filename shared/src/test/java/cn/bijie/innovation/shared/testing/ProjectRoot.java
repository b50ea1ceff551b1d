package cn.bijie.innovation.shared.testing;

import java.nio.file.Files;
import java.nio.file.Path;

/** The checkout's top folder: set by the parent pom, or found by walking up to template.yaml. */
public final class ProjectRoot {
    private ProjectRoot() {}

    public static Path path() {
        String configured = System.getProperty("project.root");
        if (configured != null && Files.exists(Path.of(configured, "template.yaml"))) {
            return Path.of(configured);
        }
        Path dir = Path.of("").toAbsolutePath();
        while (dir != null && !Files.exists(dir.resolve("template.yaml"))) {
            dir = dir.getParent();
        }
        if (dir == null) {
            throw new IllegalStateException("template.yaml not found above " + Path.of("").toAbsolutePath());
        }
        return dir;
    }
}
