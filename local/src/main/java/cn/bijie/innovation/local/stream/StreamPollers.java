package cn.bijie.innovation.local.stream;

import cn.bijie.innovation.local.emulator.EmulatorAttributes;
import cn.bijie.innovation.local.emulator.EmulatorClients;
import cn.bijie.innovation.local.function.FunctionRegistry;
import cn.bijie.innovation.local.function.LoadedFunction;
import cn.bijie.innovation.local.support.Await;
import cn.bijie.innovation.local.support.Json;
import cn.bijie.innovation.local.support.Log;
import cn.bijie.innovation.local.template.FunctionSpec;
import cn.bijie.innovation.local.template.IntrinsicResolver;
import cn.bijie.innovation.local.template.StackContext;
import cn.bijie.innovation.local.template.TemplateModel;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** All stream pollers of the stack: built from the template's DynamoDB events, started, stopped and drained together. */
public final class StreamPollers {
    private final List<StreamPoller> pollers;

    StreamPollers(List<StreamPoller> pollers) {
        this.pollers = pollers;
    }

    /** Totals since the runner started; {@code drained} says whether every poller had caught up in time. */
    public record DrainResult(boolean drained, long delivered, long failed, long filtered) {}

    public static StreamPollers fromFunctions(List<FunctionSpec> specs, FunctionRegistry functions, IntrinsicResolver resolver,
                                       EmulatorClients clients, EmulatorAttributes emulator, StackContext stack) {
        StreamPoller.FailureDestination destination = (arn, failure) -> sendToQueue(arn, failure, clients, emulator);
        List<StreamPoller> pollers = new ArrayList<>();
        for (FunctionSpec spec : specs) {
            LoadedFunction function = functions.get(spec.logicalId());
            if (function == null) {
                continue; // --invoke loads one function only
            }
            for (FunctionSpec.EventSpec event : spec.events("DynamoDB")) {
                Map<String, Object> raw = event.properties();
                String name = spec.logicalId() + "." + event.name();
                if ("false".equals(String.valueOf(resolver.resolve(raw.get("Enabled"))))) {
                    Log.info("stream mapping %s is disabled in the template; not polled", name);
                    continue;
                }
                Map<String, Object> p = TemplateModel.map(resolver.resolve(withoutStream(raw)));
                List<Object> responseTypes = TemplateModel.list(p.get("FunctionResponseTypes"));
                Object onFailure = TemplateModel.map(TemplateModel.map(p.get("DestinationConfig")).get("OnFailure")).get("Destination");
                StreamPoller.Settings settings = new StreamPoller.Settings(
                        intValue(p.get("BatchSize"), 100),
                        p.get("StartingPosition") == null ? "TRIM_HORIZON" : String.valueOf(p.get("StartingPosition")),
                        intValue(p.get("MaximumRetryAttempts"), -1),
                        Boolean.parseBoolean(String.valueOf(p.get("BisectBatchOnFunctionError"))),
                        responseTypes.contains("ReportBatchItemFailures"),
                        onFailure == null ? null : String.valueOf(onFailure),
                        FilterCriteria.fromTemplate(p.get("FilterCriteria")));
                // resolved on each (re)start: the ARN names the stream's creation time, so it changes with the table
                StreamPoller poller = new StreamPoller(name, function, () -> resolver.resolveString(raw.get("Stream")),
                        settings, clients.streams, stack.region(), destination);
                pollers.add(poller);
                Log.info("stream mapping %s: batch %d, from %s, retries %s%s%s", name, settings.batchSize(),
                        settings.startingPosition(), settings.maximumRetryAttempts() < 0 ? "unlimited" : settings.maximumRetryAttempts(),
                        settings.reportBatchItemFailures() ? ", partial batch responses" : "",
                        settings.filter().isEmpty() ? "" : ", filtered");
            }
        }
        return new StreamPollers(pollers);
    }

    private static Map<String, Object> withoutStream(Map<String, Object> properties) {
        Map<String, Object> copy = new java.util.LinkedHashMap<>(properties);
        copy.remove("Stream");
        return copy;
    }

    private static void sendToQueue(String arn, ObjectNode failure, EmulatorClients clients, EmulatorAttributes emulator) {
        if (!arn.startsWith("arn:aws:sqs:")) {
            Log.warn("failure destination %s: only SQS queues are supported locally", arn);
            return;
        }
        String queueUrl = emulator.queueUrl(arn.substring(arn.lastIndexOf(':') + 1));
        clients.sqs.sendMessage(r -> r.queueUrl(queueUrl).messageBody(Json.text(failure)));
        Log.info("failure record sent to %s", arn);
    }

    private static int intValue(Object value, int fallback) {
        return value == null ? fallback : Integer.parseInt(String.valueOf(value).trim());
    }

    public int size() {
        return pollers.size();
    }

    public void start() {
        pollers.forEach(StreamPoller::start);
    }

    public void stop() {
        pollers.forEach(StreamPoller::stop);
        for (StreamPoller poller : pollers) {
            try {
                poller.join(2000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }

    /** Waits until every poller has made a whole pass, begun after this call, that found nothing left to deliver. */
    public DrainResult drain(Duration patience) throws InterruptedException {
        long asked = System.nanoTime();
        pollers.forEach(StreamPoller::nudge);
        boolean drained = Await.until(patience, Duration.ofMillis(20),
                () -> pollers.stream().allMatch(p -> p.quietSince(asked)));
        return new DrainResult(drained,
                pollers.stream().mapToLong(StreamPoller::delivered).sum(),
                pollers.stream().mapToLong(StreamPoller::failed).sum(),
                pollers.stream().mapToLong(StreamPoller::filtered).sum());
    }
}
