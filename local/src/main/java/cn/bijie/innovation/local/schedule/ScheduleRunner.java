package cn.bijie.innovation.local.schedule;

import cn.bijie.innovation.local.function.FunctionRegistry;
import cn.bijie.innovation.local.function.LoadedFunction;
import cn.bijie.innovation.local.support.Json;
import cn.bijie.innovation.local.support.Log;
import cn.bijie.innovation.local.template.FunctionSpec;
import cn.bijie.innovation.local.template.IntrinsicResolver;
import cn.bijie.innovation.local.template.StackContext;
import cn.bijie.innovation.local.template.TemplateModel;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.DateTimeException;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/** Fires the functions' {@code Schedule}/{@code ScheduleV2} events at their next matching minute while the runner runs. */
public final class ScheduleRunner {

    /** One schedule event of one function. {@code input} is the template's fixed Input, or null for the scheduled event. */
    record Entry(String logicalId, String eventName, String expression, ScheduleExpression schedule, String resourceArn,
                 String input) {}

    private final List<Entry> entries;
    private final FunctionRegistry functions;
    private final StackContext stack;
    private final Clock clock;
    private final ScheduledExecutorService timer = Executors.newScheduledThreadPool(2, r -> {
        Thread thread = new Thread(r, "schedules");
        thread.setDaemon(true);
        return thread;
    });

    public ScheduleRunner(List<Entry> entries, FunctionRegistry functions, StackContext stack, Clock clock) {
        this.entries = entries;
        this.functions = functions;
        this.stack = stack;
        this.clock = clock;
    }

    /** The schedule events of the template; unsupported or disabled ones are logged and left out. */
    public static List<Entry> fromFunctions(List<FunctionSpec> specs, IntrinsicResolver resolver, StackContext stack, Instant start) {
        List<Entry> entries = new ArrayList<>();
        for (FunctionSpec spec : specs) {
            for (FunctionSpec.EventSpec event : spec.events()) {
                boolean v2 = event.type().equals("ScheduleV2");
                if (!v2 && !event.type().equals("Schedule")) {
                    continue;
                }
                Map<String, Object> p = TemplateModel.map(resolver.resolve(event.properties()));
                String where = spec.logicalId() + "." + event.name();
                if ("DISABLED".equals(p.get("State")) || "false".equals(String.valueOf(p.get("Enabled")))) {
                    Log.info("schedule %s is disabled in the template; not fired", where);
                    continue;
                }
                String expression = String.valueOf(p.get(v2 ? "ScheduleExpression" : "Schedule"));
                ZoneId zone;
                try {
                    Object tz = p.get("ScheduleExpressionTimezone");
                    zone = tz == null ? ZoneOffset.UTC : ZoneId.of(String.valueOf(tz));
                } catch (DateTimeException e) {
                    Log.warn("schedule %s: unknown time zone %s; not fired", where, p.get("ScheduleExpressionTimezone"));
                    continue;
                }
                try {
                    ScheduleExpression schedule = ScheduleExpression.parse(expression, zone, start);
                    String name = p.get("Name") != null ? String.valueOf(p.get("Name"))
                            : stack.stackName() + "-" + spec.logicalId() + event.name();
                    String arn = v2
                            ? "arn:aws:scheduler:" + stack.region() + ":" + stack.accountId() + ":schedule/default/" + name
                            : "arn:aws:events:" + stack.region() + ":" + stack.accountId() + ":rule/" + name;
                    Object input = p.get("Input");
                    entries.add(new Entry(spec.logicalId(), event.name(), expression + " " + zone, schedule, arn,
                            input == null ? null : input instanceof String s ? s : Json.text(input)));
                } catch (ScheduleExpression.Unsupported e) {
                    Log.warn("schedule %s not fired locally: %s", where, e.getMessage());
                }
            }
        }
        return entries;
    }

    public List<Entry> entries() {
        return entries;
    }

    /** Resources of a function's scheduled events: what EventBridge lists in the event's "resources". */
    public List<String> resourcesOf(String logicalId) {
        return entries.stream().filter(e -> e.logicalId().equals(logicalId)).map(Entry::resourceArn).toList();
    }

    public void start() {
        for (Entry entry : entries) {
            scheduleNext(entry, clock.instant());
        }
    }

    public void stop() {
        timer.shutdownNow();
    }

    private void scheduleNext(Entry entry, Instant after) {
        Instant fire = entry.schedule().nextAfter(after);
        long delay = Math.max(0, Duration.between(clock.instant(), fire).toMillis());
        Log.info("schedule %s.%s (%s): next at %s", entry.logicalId(), entry.eventName(), entry.expression(), fire);
        timer.schedule(() -> fire(entry, fire), delay, TimeUnit.MILLISECONDS);
    }

    /** A fixed Input gets EventBridge Scheduler's context attributes filled in, as Scheduler does before it invokes. */
    static String withContextAttributes(Entry entry, Instant time) {
        return entry.input()
                .replace("<aws.scheduler.scheduled-time>", time.truncatedTo(java.time.temporal.ChronoUnit.SECONDS).toString())
                .replace("<aws.scheduler.schedule-arn>", entry.resourceArn())
                .replace("<aws.scheduler.execution-id>", java.util.UUID.randomUUID().toString())
                .replace("<aws.scheduler.attempt-number>", "1");
    }

    private void fire(Entry entry, Instant time) {
        try {
            LoadedFunction function = functions.get(entry.logicalId());
            byte[] event = entry.input() != null
                    ? withContextAttributes(entry, time).getBytes(StandardCharsets.UTF_8)
                    : Json.bytes(ScheduledEvents.event(time, stack.region(), List.of(entry.resourceArn())));
            long started = System.nanoTime();
            function.invoke(event);
            Log.info("schedule %s.%s fired for %s → ok %d ms", entry.logicalId(), entry.eventName(), time,
                    (System.nanoTime() - started) / 1_000_000);
        } catch (LoadedFunction.InvocationFailed e) {
            Log.error("schedule " + entry.logicalId() + "." + entry.eventName() + " failed: " + e.getMessage(),
                    e.getCause() == null ? e : e.getCause());
        } catch (RuntimeException e) {
            Log.error("schedule " + entry.logicalId() + "." + entry.eventName() + " failed", e);
        } finally {
            if (!timer.isShutdown()) {
                scheduleNext(entry, time);
            }
        }
    }
}
