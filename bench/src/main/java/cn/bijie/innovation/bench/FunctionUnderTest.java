package cn.bijie.innovation.bench;

import java.nio.file.Path;
import java.util.List;
import java.util.Set;

/**
 * One {@code AWS::Serverless::Function} of template.yaml as the suite measures it.
 *
 * @param module   the last segment of {@code CodeUri} ({@code functions/<module>})
 * @param handler  the handler class ({@code Handler} without {@code ::method})
 * @param jar      the deployment jar, {@code <CodeUri>/target/<module>.jar}
 * @param routes   its HTTP API route keys, e.g. {@code GET /organizations/{uscc}}
 * @param triggers its event source types ({@code HttpApi}, {@code DynamoDB}, {@code ScheduleV2} …)
 */
public record FunctionUnderTest(String logicalId, String module, String handler, Path jar, List<String> routes,
        Set<String> triggers) {

    public boolean isStreamTriggered() {
        return triggers.contains("DynamoDB");
    }

    public boolean isScheduled() {
        return triggers.contains("Schedule") || triggers.contains("ScheduleV2");
    }
}
