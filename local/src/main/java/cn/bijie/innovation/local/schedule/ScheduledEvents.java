package cn.bijie.innovation.local.schedule;

import cn.bijie.innovation.local.support.Json;
import cn.bijie.innovation.local.template.StackContext;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.UUID;

/** The EventBridge "Scheduled Event" a scheduled function receives. */
public final class ScheduledEvents {
    private ScheduledEvents() {}

    public static ObjectNode event(Instant time, String region, List<String> resources) {
        ObjectNode event = Json.object();
        event.put("version", "0");
        event.put("id", UUID.randomUUID().toString());
        event.put("detail-type", "Scheduled Event");
        event.put("source", "aws.events");
        event.put("account", StackContext.ACCOUNT_ID);
        event.put("time", time.truncatedTo(ChronoUnit.SECONDS).toString());
        // the runner replays any date on demand (/local/schedules): a reminder run honours such a time only with this
        event.put("overrideClock", true);
        event.put("region", region);
        resources.forEach(event.putArray("resources")::add);
        event.putObject("detail");
        return event;
    }
}
