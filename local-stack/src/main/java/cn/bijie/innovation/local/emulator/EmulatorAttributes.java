package cn.bijie.innovation.local.emulator;

import cn.bijie.innovation.local.template.IntrinsicResolver;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The attributes only the emulator knows, asked for by the template's intrinsics: a stream's ARN (it carries the
 * stream's creation time) and a queue's URL. Needs only the clients, so the resolver can be built before the resources.
 */
public final class EmulatorAttributes implements IntrinsicResolver.EmulatorLookup {
    private final EmulatorClients clients;
    private final Map<String, String> queueUrls = new ConcurrentHashMap<>();

    public EmulatorAttributes(EmulatorClients clients) {
        this.clients = clients;
    }

    @Override
    public String latestStreamArn(String tableName) {
        String arn = clients.dynamoDb.describeTable(r -> r.tableName(tableName)).table().latestStreamArn();
        if (arn == null) {
            throw new IllegalStateException("table " + tableName + " has no stream; its template needs a StreamSpecification");
        }
        return arn;
    }

    @Override
    public String queueUrl(String queueName) {
        return queueUrls.computeIfAbsent(queueName, name -> clients.sqs.getQueueUrl(r -> r.queueName(name)).queueUrl());
    }

    /** The URL the emulator gave a queue it just created: later lookups need no call. */
    void remember(String queueName, String queueUrl) {
        queueUrls.put(queueName, queueUrl);
    }
}
