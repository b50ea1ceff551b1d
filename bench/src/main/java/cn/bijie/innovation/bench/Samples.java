package cn.bijie.innovation.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * The sample events of {@code events/} and which function each belongs to, found by content, not by file name: an
 * HTTP API event belongs to the function whose route its {@code routeKey} is; a DynamoDB stream event to the
 * stream-triggered functions; an EventBridge scheduled event to the scheduled ones. So a teammate's new sample is
 * picked up as soon as it lands, whatever it is called.
 *
 * <p>A function's cold-start sample: the one named with {@code --sample LogicalId=events/x.json}, else its first
 * {@code GET} sample (repeatable, no side effects), else its first other sample, by file name.
 */
public final class Samples {
    /** What an event file is. */
    public enum Kind { HTTP, STREAM, SCHEDULE, OTHER }

    /** One file of {@code events/}; {@code routeKey} only for HTTP events. */
    public record Sample(Path file, Kind kind, String routeKey) {
        public boolean isRead() {
            return kind == Kind.HTTP && routeKey.startsWith("GET ");
        }

        public String name() {
            return file.getFileName().toString();
        }
    }

    private static final ObjectMapper JSON = new ObjectMapper();

    private final List<Sample> all;
    private final Map<String, Path> overrides;

    public Samples(List<Sample> all, Map<String, Path> overrides) {
        this.all = all.stream().sorted(Comparator.comparing(Sample::name)).toList();
        this.overrides = Map.copyOf(overrides);
    }

    public static Samples scan(Path eventsDir, Map<String, Path> overrides) throws IOException {
        List<Sample> samples = new ArrayList<>();
        if (Files.isDirectory(eventsDir)) {
            try (Stream<Path> files = Files.list(eventsDir)) {
                for (Path file : files.filter(f -> f.toString().endsWith(".json")).toList()) {
                    samples.add(classify(file, JSON.readTree(file.toFile())));
                }
            }
        }
        return new Samples(samples, overrides);
    }

    static Sample classify(Path file, JsonNode event) {
        if (event.hasNonNull("routeKey") && event.has("requestContext")) {
            return new Sample(file, Kind.HTTP, event.get("routeKey").asText());
        }
        if ("aws:dynamodb".equals(event.path("Records").path(0).path("eventSource").asText())) {
            return new Sample(file, Kind.STREAM, null);
        }
        if ("Scheduled Event".equals(event.path("detail-type").asText())) {
            return new Sample(file, Kind.SCHEDULE, null);
        }
        return new Sample(file, Kind.OTHER, null);
    }

    /** The function's samples, writes first (so that the reads after them find what they read), then reads. */
    public List<Sample> of(FunctionUnderTest function) {
        List<Sample> mine = all.stream().filter(s -> belongs(s, function)).toList();
        List<Sample> ordered = new ArrayList<>(mine.stream().filter(s -> !s.isRead()).toList());
        ordered.addAll(mine.stream().filter(Sample::isRead).toList());
        return ordered;
    }

    /** The event a fresh JVM of the function handles, or null when the function has none. */
    public Sample coldSample(FunctionUnderTest function) {
        Path override = overrides.get(function.logicalId());
        if (override != null) {
            return all.stream().filter(s -> s.file().equals(override)).findFirst()
                    .orElse(new Sample(override, Kind.OTHER, null));
        }
        List<Sample> mine = of(function);
        return mine.stream().filter(Sample::isRead).findFirst().orElse(mine.isEmpty() ? null : mine.get(0));
    }

    static boolean belongs(Sample sample, FunctionUnderTest function) {
        return switch (sample.kind()) {
            case HTTP -> function.routes().contains(sample.routeKey());
            case STREAM -> function.isStreamTriggered();
            case SCHEDULE -> function.isScheduled();
            case OTHER -> false;
        };
    }
}
