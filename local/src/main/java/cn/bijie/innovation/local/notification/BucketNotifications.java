package cn.bijie.innovation.local.notification;

import cn.bijie.innovation.local.function.FunctionRegistry;
import cn.bijie.innovation.local.function.LoadedFunction;
import cn.bijie.innovation.local.support.Await;
import cn.bijie.innovation.local.support.Json;
import cn.bijie.innovation.local.support.Log;
import cn.bijie.innovation.local.template.FunctionSpec;
import cn.bijie.innovation.local.template.IntrinsicResolver;
import cn.bijie.innovation.local.template.StackContext;
import cn.bijie.innovation.local.template.TemplateModel;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.S3Object;

/**
 * The template's S3 event sources ({@code Type: S3}: bucket, {@code s3:ObjectCreated:*}, prefix/suffix filter),
 * delivered as S3 delivers them to Lambda: asynchronously, at least once, a failed invocation tried again
 * ({@code EventInvokeConfig.MaximumRetryAttempts}, default 2; after 1 s and 2 s here, about a minute apart on AWS).
 * The emulator cannot invoke a function from a jar, so the runner polls the bucket (a listing of the prefix every
 * 250 ms) and sends one event per new object version (key, ETag, last modified); objects there at start are not
 * announced.
 */
public final class BucketNotifications {
    private static final Duration POLL = Duration.ofMillis(250);

    record Subscription(String name, LoadedFunction function, String bucket, String prefix, String suffix, int retries) {}

    private final List<Subscription> subscriptions;
    private final S3Client s3;
    private final StackContext stack;
    private final Set<String> seen = new HashSet<>();
    private final ScheduledExecutorService poller = Executors.newSingleThreadScheduledExecutor(r -> daemon(r, "s3-notifications"));
    private final ExecutorService deliveries = Executors.newSingleThreadExecutor(r -> daemon(r, "s3-deliveries"));
    private final AtomicInteger pending = new AtomicInteger();
    private final AtomicLong delivered = new AtomicLong();
    private final AtomicLong failed = new AtomicLong();
    private volatile long lastPassStarted;
    private volatile long lastPassEnded;

    BucketNotifications(List<Subscription> subscriptions, S3Client s3, StackContext stack) {
        this.subscriptions = subscriptions;
        this.s3 = s3;
        this.stack = stack;
    }

    public record DrainResult(boolean drained, long delivered, long failed) {}

    public static BucketNotifications fromFunctions(List<FunctionSpec> specs, FunctionRegistry functions,
            IntrinsicResolver resolver, S3Client s3, StackContext stack) {
        List<Subscription> subscriptions = new ArrayList<>();
        for (FunctionSpec spec : specs) {
            LoadedFunction function = functions.get(spec.logicalId());
            if (function == null) {
                continue;
            }
            Object retries = TemplateModel.map(spec.properties().get("EventInvokeConfig")).get("MaximumRetryAttempts");
            for (FunctionSpec.EventSpec event : spec.events("S3")) {
                Map<String, Object> p = TemplateModel.map(resolver.resolve(event.properties()));
                String prefix = "";
                String suffix = "";
                Map<String, Object> key = TemplateModel.map(TemplateModel.map(p.get("Filter")).get("S3Key"));
                for (Object rule : TemplateModel.list(key.get("Rules"))) {
                    Map<String, Object> r = TemplateModel.map(rule);
                    if ("prefix".equalsIgnoreCase(String.valueOf(r.get("Name")))) {
                        prefix = String.valueOf(r.get("Value"));
                    } else if ("suffix".equalsIgnoreCase(String.valueOf(r.get("Name")))) {
                        suffix = String.valueOf(r.get("Value"));
                    }
                }
                String events = String.valueOf(p.get("Events"));
                if (!events.contains("s3:ObjectCreated")) {
                    Log.warn("S3 event %s.%s: only s3:ObjectCreated events are delivered locally", spec.logicalId(), event.name());
                    continue;
                }
                Subscription s = new Subscription(spec.logicalId() + "." + event.name(), function,
                        String.valueOf(p.get("Bucket")), prefix, suffix,
                        retries == null ? 2 : Integer.parseInt(String.valueOf(retries)));
                subscriptions.add(s);
                Log.info("S3 event %s: s3://%s/%s*%s, retries %d", s.name(), s.bucket(), prefix, suffix, s.retries());
            }
        }
        return new BucketNotifications(subscriptions, s3, stack);
    }

    public int size() {
        return subscriptions.size();
    }

    /** Takes the objects already there as seen, then polls. */
    public void start() {
        for (Subscription s : subscriptions) {
            list(s).forEach(o -> seen.add(identity(s, o)));
        }
        poller.scheduleWithFixedDelay(this::pass, POLL.toMillis(), POLL.toMillis(), TimeUnit.MILLISECONDS);
    }

    public void stop() {
        poller.shutdownNow();
        deliveries.shutdownNow();
    }

    /** Waits until a listing begun after this call found nothing new and every delivery (with its retries) ended. */
    public DrainResult drain(Duration patience) throws InterruptedException {
        long asked = System.nanoTime();
        boolean drained = Await.until(patience, Duration.ofMillis(20),
                () -> lastPassStarted > asked && lastPassEnded > lastPassStarted && pending.get() == 0);
        return new DrainResult(drained, delivered.get(), failed.get());
    }

    private void pass() {
        long started = System.nanoTime();
        lastPassStarted = started;
        try {
            for (Subscription s : subscriptions) {
                for (S3Object o : list(s)) {
                    if (seen.add(identity(s, o))) {
                        pending.incrementAndGet();
                        deliveries.submit(() -> deliver(s, o));
                    }
                }
            }
        } catch (RuntimeException e) {
            Log.warn("S3 notifications: listing failed (%s); trying again", e.getMessage());
        }
        lastPassEnded = System.nanoTime();
    }

    private List<S3Object> list(Subscription s) {
        try {
            return s3.listObjectsV2Paginator(l -> l.bucket(s.bucket()).prefix(s.prefix())).contents().stream()
                    .filter(o -> o.key().endsWith(s.suffix())).toList();
        } catch (RuntimeException e) {
            return List.of(); // the bucket is created after the runner starts polling, or was emptied by a test
        }
    }

    private void deliver(Subscription s, S3Object o) {
        try {
            byte[] event = event(s, o);
            for (int attempt = 0; attempt <= s.retries(); attempt++) {
                if (attempt > 0) {
                    Thread.sleep(1000L * attempt);
                }
                try {
                    s.function().invoke(event);
                    delivered.incrementAndGet();
                    return;
                } catch (LoadedFunction.InvocationFailed e) {
                    Log.warn("S3 event %s for %s failed (attempt %d of %d): %s", s.name(), o.key(), attempt + 1,
                            s.retries() + 1, e.getMessage());
                }
            }
            failed.incrementAndGet();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } finally {
            pending.decrementAndGet();
        }
    }

    private byte[] event(Subscription s, S3Object o) {
        Map<String, Object> object = new LinkedHashMap<>();
        // keys are URL-encoded in S3 events (a space as '+'), the '/' kept
        object.put("key", URLEncoder.encode(o.key(), StandardCharsets.UTF_8).replace("%2F", "/"));
        object.put("size", o.size());
        object.put("eTag", o.eTag() == null ? null : o.eTag().replace("\"", ""));
        object.put("sequencer", Long.toHexString(System.nanoTime()).toUpperCase());
        Map<String, Object> record = new LinkedHashMap<>();
        record.put("eventVersion", "2.1");
        record.put("eventSource", "aws:s3");
        record.put("awsRegion", stack.region());
        record.put("eventTime", Instant.now().toString());
        record.put("eventName", "ObjectCreated:Put");
        record.put("s3", Map.of("s3SchemaVersion", "1.0", "configurationId", s.name(),
                "bucket", Map.of("name", s.bucket(), "arn", "arn:aws:s3:::" + s.bucket()), "object", object));
        return Json.text(Map.of("Records", List.of(record))).getBytes(StandardCharsets.UTF_8);
    }

    private static String identity(Subscription s, S3Object o) {
        // the same bytes uploaded again are a new object version: S3 announces it again
        return s.name() + "|" + o.key() + "|" + o.eTag() + "|" + o.lastModified();
    }

    private static Thread daemon(Runnable r, String name) {
        Thread thread = new Thread(r, name);
        thread.setDaemon(true);
        return thread;
    }
}
