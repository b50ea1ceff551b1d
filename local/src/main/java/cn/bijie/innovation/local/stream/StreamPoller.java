package cn.bijie.innovation.local.stream;

import cn.bijie.innovation.local.function.LoadedFunction;
import cn.bijie.innovation.local.support.Json;
import cn.bijie.innovation.local.support.Log;
import cn.bijie.innovation.local.template.StackContext;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.dynamodb.model.DescribeStreamResponse;
import software.amazon.awssdk.services.dynamodb.model.ExpiredIteratorException;
import software.amazon.awssdk.services.dynamodb.model.GetRecordsResponse;
import software.amazon.awssdk.services.dynamodb.model.Record;
import software.amazon.awssdk.services.dynamodb.model.ResourceNotFoundException;
import software.amazon.awssdk.services.dynamodb.model.Shard;
import software.amazon.awssdk.services.dynamodb.model.ShardIteratorType;
import software.amazon.awssdk.services.dynamodb.model.TrimmedDataAccessException;
import software.amazon.awssdk.services.dynamodb.streams.DynamoDbStreamsClient;

/**
 * One DynamoDB event source mapping: follows every shard of a table's stream and feeds the function batches, with the
 * mapping's filters, partial-batch responses, retries, bisection and failure destination. Its position only moves past
 * a record once the record was delivered, filtered out, or dropped with a log line after its last retry.
 */
final class StreamPoller implements Runnable {
    static final long POLL_MILLIS = 250;
    /** After a failed stream read: 0.5 s, 1 s, 2 s, 4 s, then 5 s. */
    private static final Backoff READ_RETRY = new Backoff(Duration.ofMillis(POLL_MILLIS), Duration.ofSeconds(5));
    /** Before a failed batch is tried again: 0.2 s, 0.4 s, … up to 5 s. */
    private static final Backoff BATCH_RETRY = new Backoff(Duration.ofMillis(100), Duration.ofSeconds(5));

    /** The event's settings, from the template. {@code maximumRetryAttempts} -1 retries for ever, as on AWS. */
    record Settings(int batchSize, String startingPosition, int maximumRetryAttempts, boolean bisectOnError,
                    boolean reportBatchItemFailures, String onFailureDestination, FilterCriteria filter) {}

    /** Where records go after their last failed retry. */
    interface FailureDestination {
        void send(String destinationArn, ObjectNode failureRecord);
    }

    private static final class ShardState {
        final String shardId;
        final String parentId;
        String iterator;
        String lastSequence;
        boolean finished;
        final ShardIteratorType firstPosition;

        ShardState(String shardId, String parentId, ShardIteratorType firstPosition) {
            this.shardId = shardId;
            this.parentId = parentId;
            this.firstPosition = firstPosition;
        }
    }

    /** What one invocation did with a batch. {@code firstFailed} = index of the first record to retry, or -1. */
    private record Outcome(boolean threw, int firstFailed) {
        static final Outcome SUCCESS = new Outcome(false, -1);
    }

    private final String name;
    private final LoadedFunction function;
    private final Supplier<String> streamArnSource;
    private final Settings settings;
    private final DynamoDbStreamsClient streams;
    private final String region;
    private final FailureDestination failureDestination;

    private final Map<String, ShardState> shards = new LinkedHashMap<>();
    private final AtomicLong delivered = new AtomicLong();
    private final AtomicLong failed = new AtomicLong();
    private final AtomicLong filtered = new AtomicLong();
    private final Semaphore wake = new Semaphore(0);
    private volatile long quietCycleStartedAt = Long.MIN_VALUE;
    private volatile boolean running = true;
    private Thread thread;
    private String streamArn;
    private boolean firstDescribe = true;
    private int errorStreak;

    StreamPoller(String name, LoadedFunction function, Supplier<String> streamArnSource, Settings settings,
                 DynamoDbStreamsClient streams, String region, FailureDestination failureDestination) {
        this.name = name;
        this.function = function;
        this.streamArnSource = streamArnSource;
        this.settings = settings;
        this.streams = streams;
        this.region = region;
        this.failureDestination = failureDestination;
    }

    String name() {
        return name;
    }

    long delivered() {
        return delivered.get();
    }

    long failed() {
        return failed.get();
    }

    long filtered() {
        return filtered.get();
    }

    /** True once a whole poll that began after {@code nanoTime} found nothing new on any shard. */
    boolean quietSince(long nanoTime) {
        return quietCycleStartedAt > nanoTime;
    }

    /** Poll now instead of after the usual pause. */
    void nudge() {
        wake.release();
    }

    void start() {
        thread = new Thread(this, "stream-" + name);
        thread.start();
    }

    /** Stops polling; a batch being retried is abandoned (its records were not marked delivered). */
    void stop() {
        running = false;
        wake.release();
        if (thread != null) {
            thread.interrupt();
        }
    }

    void join(long millis) throws InterruptedException {
        if (thread != null) {
            thread.join(millis);
        }
    }

    @Override
    public void run() {
        while (running) {
            long started = System.nanoTime();
            try {
                if (cycle()) {
                    quietCycleStartedAt = started;
                }
                errorStreak = 0;
            } catch (SdkException e) {
                // the emulator hiccuped: keep every shard's position, wait a little longer each time, try again
                errorStreak++;
                Log.warn("%s: stream read failed (%s), retrying", name, e.getMessage());
                for (ShardState shard : shards.values()) {
                    shard.iterator = null;
                }
                pause(READ_RETRY.delay(errorStreak).toMillis());
                continue;
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            } catch (RuntimeException e) {
                Log.error(name + ": stream poller error, retrying", e);
                pause(1000);
                continue;
            }
            pause(POLL_MILLIS);
        }
    }

    /** One pass over every shard. @return true if no shard had anything new */
    private boolean cycle() throws InterruptedException {
        if (streamArn == null) {
            streamArn = streamArnSource.get();
        }
        try {
            discoverShards();
        } catch (ResourceNotFoundException gone) {
            // the table was re-created: follow its new stream from the start
            Log.warn("%s: stream %s is gone; following the table's new stream", name, streamArn);
            streamArn = null;
            shards.clear();
            return false;
        }
        boolean quiet = true;
        for (ShardState shard : new ArrayList<>(shards.values())) {
            if (!running) {
                return false;
            }
            if (shard.finished || !parentFinished(shard)) {
                continue;
            }
            quiet &= !readShard(shard);
        }
        return quiet;
    }

    private void discoverShards() {
        String start = null;
        do {
            String exclusiveStart = start;
            DescribeStreamResponse response = streams.describeStream(r -> r.streamArn(streamArn).exclusiveStartShardId(exclusiveStart));
            for (Shard shard : response.streamDescription().shards()) {
                // shards there at start follow StartingPosition; later ones are new, so read them whole
                ShardIteratorType position = firstDescribe
                        ? ShardIteratorType.fromValue(settings.startingPosition())
                        : ShardIteratorType.TRIM_HORIZON;
                shards.computeIfAbsent(shard.shardId(), id -> new ShardState(id, shard.parentShardId(), position));
            }
            start = response.streamDescription().lastEvaluatedShardId();
        } while (start != null);
        firstDescribe = false;
    }

    private boolean parentFinished(ShardState shard) {
        ShardState parent = shard.parentId == null ? null : shards.get(shard.parentId);
        return parent == null || parent.finished;
    }

    /** Reads what the shard has and delivers it. @return true if it had records */
    private boolean readShard(ShardState shard) throws InterruptedException {
        if (shard.iterator == null) {
            shard.iterator = iterator(shard);
        }
        GetRecordsResponse response;
        try {
            String iterator = shard.iterator;
            response = streams.getRecords(r -> r.shardIterator(iterator).limit(1000));
        } catch (ExpiredIteratorException | TrimmedDataAccessException e) {
            shard.iterator = null; // a fresh iterator after the last record read
            return true;
        }
        List<Record> records = response.records();
        if (!records.isEmpty()) {
            deliverAll(shard, records);
            shard.lastSequence = records.get(records.size() - 1).dynamodb().sequenceNumber();
        }
        shard.iterator = response.nextShardIterator();
        if (shard.iterator == null) {
            shard.finished = true;
        }
        return !records.isEmpty();
    }

    private String iterator(ShardState shard) {
        if (shard.lastSequence != null) {
            return streams.getShardIterator(r -> r.streamArn(streamArn).shardId(shard.shardId)
                    .shardIteratorType(ShardIteratorType.AFTER_SEQUENCE_NUMBER).sequenceNumber(shard.lastSequence))
                    .shardIterator();
        }
        return streams.getShardIterator(r -> r.streamArn(streamArn).shardId(shard.shardId)
                .shardIteratorType(shard.firstPosition)).shardIterator();
    }

    /** Filters, then feeds the function batch by batch until every record is delivered or dropped. */
    private void deliverAll(ShardState shard, List<Record> records) throws InterruptedException {
        List<ObjectNode> matching = new ArrayList<>();
        for (Record record : records) {
            ObjectNode json = DynamoDbStreamEvents.record(record, streamArn, region);
            if (settings.filter().matches(json)) {
                matching.add(json);
            } else {
                filtered.incrementAndGet();
            }
        }
        int next = 0;
        int limit = settings.batchSize();
        int attempts = 0;
        while (next < matching.size()) {
            if (!running) {
                throw new InterruptedException("stopping");
            }
            List<ObjectNode> batch = matching.subList(next, Math.min(matching.size(), next + limit));
            Outcome outcome = invoke(batch);
            if (outcome.firstFailed() < 0) {
                delivered.addAndGet(batch.size());
                next += batch.size();
                limit = settings.batchSize();
                attempts = 0;
                continue;
            }
            if (outcome.firstFailed() > 0) { // the records before the first failure are done
                delivered.addAndGet(outcome.firstFailed());
                next += outcome.firstFailed();
                batch = batch.subList(outcome.firstFailed(), batch.size());
                attempts = 0;
            }
            if (outcome.threw() && settings.bisectOnError() && batch.size() > 1) {
                limit = Math.max(1, batch.size() / 2); // like AWS, a split is not a retry: it narrows down the culprit
                continue;
            }
            attempts++;
            int maxRetries = settings.maximumRetryAttempts();
            if (maxRetries >= 0 && attempts > maxRetries) {
                drop(shard, batch, attempts);
                next += batch.size();
                limit = settings.batchSize();
                attempts = 0;
                continue;
            }
            limit = batch.size();
            Log.warn("%s: batch of %d failed (attempt %d), retrying from sequence %s", name, batch.size(), attempts,
                    sequence(batch.get(0)));
            Thread.sleep(BATCH_RETRY.delay(attempts).toMillis());
        }
    }

    private Outcome invoke(List<ObjectNode> batch) {
        byte[] output;
        try {
            output = function.invoke(Json.bytes(DynamoDbStreamEvents.batch(batch)));
        } catch (LoadedFunction.InvocationFailed e) {
            Log.error(name + ": " + e.getMessage(), e.getCause() == null ? e : e.getCause());
            return new Outcome(true, 0);
        }
        if (!settings.reportBatchItemFailures()) {
            return Outcome.SUCCESS;
        }
        return partialFailures(batch, output);
    }

    /** ReportBatchItemFailures: retry from the lowest failed sequence number; a bad report fails the whole batch. */
    private Outcome partialFailures(List<ObjectNode> batch, byte[] output) {
        if (output.length == 0 || new String(output, java.nio.charset.StandardCharsets.UTF_8).isBlank()) {
            return Outcome.SUCCESS;
        }
        JsonNode response;
        try {
            response = Json.parse(output);
        } catch (IOException e) {
            Log.warn("%s: the function's response is not JSON; the whole batch counts as failed", name);
            return new Outcome(false, 0);
        }
        JsonNode failures = response == null ? null : response.get("batchItemFailures");
        if (failures == null || failures.isNull() || failures.isEmpty()) {
            return Outcome.SUCCESS;
        }
        int lowest = Integer.MAX_VALUE;
        for (JsonNode failure : failures) {
            String id = failure.path("itemIdentifier").asText("");
            int index = indexOf(batch, id);
            if (index < 0) {
                Log.warn("%s: batchItemFailures names '%s', not in the batch; the whole batch counts as failed", name, id);
                return new Outcome(false, 0);
            }
            lowest = Math.min(lowest, index);
        }
        return new Outcome(false, lowest);
    }

    private static int indexOf(List<ObjectNode> batch, String sequenceNumber) {
        if (sequenceNumber.isEmpty()) {
            return -1;
        }
        for (int i = 0; i < batch.size(); i++) {
            if (sequence(batch.get(i)).equals(sequenceNumber)) {
                return i;
            }
        }
        return -1;
    }

    /** After the last retry: every record named in the log, and the batch described to the failure destination. */
    private void drop(ShardState shard, List<ObjectNode> batch, int attempts) {
        failed.addAndGet(batch.size());
        for (ObjectNode record : batch) {
            Log.warn("%s: DROPPED after %d attempts: %s %s keys=%s seq=%s", name, attempts, record.path("eventName").asText(),
                    record.path("eventID").asText(), record.path("dynamodb").path("Keys"), sequence(record));
        }
        if (settings.onFailureDestination() == null) {
            return;
        }
        ObjectNode failure = Json.object();
        ObjectNode context = failure.putObject("requestContext");
        context.put("requestId", java.util.UUID.randomUUID().toString());
        context.put("functionArn", "arn:aws:lambda:" + region + ":" + StackContext.ACCOUNT_ID + ":function:" + function.functionName());
        context.put("condition", "RetryAttemptsExhausted");
        context.put("approximateInvokeCount", attempts);
        ObjectNode response = failure.putObject("responseContext");
        response.put("statusCode", 200);
        response.put("executedVersion", "$LATEST");
        response.put("functionError", "Unhandled");
        failure.put("version", "1.0");
        failure.put("timestamp", java.time.Instant.now().toString());
        ObjectNode info = failure.putObject("DDBStreamBatchInfo");
        info.put("shardId", shard.shardId);
        info.put("startSequenceNumber", sequence(batch.get(0)));
        info.put("endSequenceNumber", sequence(batch.get(batch.size() - 1)));
        info.put("approximateArrivalOfFirstRecord", arrival(batch.get(0)));
        info.put("approximateArrivalOfLastRecord", arrival(batch.get(batch.size() - 1)));
        info.put("batchSize", batch.size());
        info.put("streamArn", streamArn);
        try {
            failureDestination.send(settings.onFailureDestination(), failure);
        } catch (RuntimeException e) {
            Log.warn("%s: could not send the failure record to %s: %s", name, settings.onFailureDestination(), e.getMessage());
        }
    }

    private static String sequence(JsonNode record) {
        return record.path("dynamodb").path("SequenceNumber").asText();
    }

    private static String arrival(JsonNode record) {
        long seconds = record.path("dynamodb").path("ApproximateCreationDateTime").asLong();
        return java.time.Instant.ofEpochSecond(seconds).toString();
    }

    private void pause(long millis) {
        try {
            wake.tryAcquire(millis, TimeUnit.MILLISECONDS);
            wake.drainPermits();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            running = false;
        }
    }
}
