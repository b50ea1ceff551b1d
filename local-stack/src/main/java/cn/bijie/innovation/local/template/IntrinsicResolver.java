package cn.bijie.innovation.local.template;

import cn.bijie.innovation.local.support.Json;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Resolves CloudFormation intrinsics ({@code Ref}, {@code Fn::Sub}, {@code Fn::GetAtt}, {@code Fn::Join}, conditions …)
 * against the local stack: parameter values, pseudo parameters, and the physical names the runner gives resources.
 */
public final class IntrinsicResolver {

    /** The few attributes that only the emulator knows (a stream's ARN carries its creation time). */
    public interface EmulatorLookup {
        String latestStreamArn(String tableName);

        String queueUrl(String queueName);
    }

    /** For resolving before (or without) an emulator: asking it is an error, the rest works. */
    public static final EmulatorLookup NO_EMULATOR = new EmulatorLookup() {
        @Override
        public String latestStreamArn(String tableName) {
            throw new IllegalStateException("a stream ARN needs the emulator (table " + tableName + ")");
        }

        @Override
        public String queueUrl(String queueName) {
            throw new IllegalStateException("a queue URL needs the emulator (queue " + queueName + ")");
        }
    };

    /** {@code Ref: AWS::NoValue}: the key or element holding it disappears. */
    private static final Object NO_VALUE = new Object();

    private final TemplateModel template;
    private final StackContext stack;
    private final Map<String, Object> parameters;
    private final EmulatorLookup emulator;
    private final Map<String, String> physicalNames = new ConcurrentHashMap<>();
    private final Set<String> naming = ConcurrentHashMap.newKeySet();

    public IntrinsicResolver(TemplateModel template, StackContext stack, Map<String, Object> parameters, EmulatorLookup emulator) {
        this.template = template;
        this.stack = stack;
        this.parameters = parameters;
        this.emulator = emulator;
    }

    /** Resolves every intrinsic inside {@code value}; returns plain strings, numbers, booleans, lists and maps. */
    public Object resolve(Object value) {
        Object resolved = resolveValue(value);
        return resolved == NO_VALUE ? null : resolved;
    }

    /** Resolves to a string (numbers and booleans as text, as CloudFormation hands them to Lambda). */
    public String resolveString(Object value) {
        Object resolved = resolve(value);
        if (resolved instanceof Map || resolved instanceof List) {
            throw new IllegalArgumentException("expected a string, the template gives " + resolved);
        }
        return resolved == null ? null : String.valueOf(resolved);
    }

    /** Resolves a string-keyed map to strings (environment variables); keys whose value is NoValue are dropped. */
    public Map<String, String> resolveStrings(Map<String, Object> values) {
        Map<String, String> resolved = new LinkedHashMap<>();
        values.forEach((key, value) -> {
            String text = resolveString(value);
            if (text != null) {
                resolved.put(key, text);
            }
        });
        return resolved;
    }

    /** The name the local stack gives a resource: the template's explicit name, else one derived from the stack. */
    public String physicalName(String logicalId) {
        String known = physicalNames.get(logicalId);
        if (known != null) {
            return known;
        }
        if (!naming.add(logicalId)) {
            throw new IllegalArgumentException("circular reference while naming " + logicalId);
        }
        try {
            String name = derivePhysicalName(logicalId);
            physicalNames.put(logicalId, name);
            return name;
        } finally {
            naming.remove(logicalId);
        }
    }

    private String derivePhysicalName(String logicalId) {
        Map<String, Object> properties = template.properties(logicalId);
        String derived = stack.stackName() + "-" + logicalId;
        switch (template.resourceType(logicalId)) {
            case "AWS::DynamoDB::Table":
                return explicitOr(properties.get("TableName"), derived);
            case "AWS::S3::Bucket":
                return explicitOr(properties.get("BucketName"), derived.toLowerCase(Locale.ROOT));
            case "AWS::SQS::Queue": {
                boolean fifo = Boolean.parseBoolean(String.valueOf(resolve(properties.get("FifoQueue"))));
                return explicitOr(properties.get("QueueName"), fifo ? derived + ".fifo" : derived);
            }
            case "AWS::Serverless::Function":
            case "AWS::Lambda::Function":
                return explicitOr(properties.get("FunctionName"), derived);
            case "AWS::SES::EmailIdentity":
                return explicitOr(properties.get("EmailIdentity"), derived);
            default:
                return derived;
        }
    }

    private String explicitOr(Object explicit, String derived) {
        return explicit == null ? derived : resolveString(explicit);
    }

    public String arn(String service, String resource) {
        return "arn:aws:" + service + ":" + stack.region() + ":" + stack.accountId() + ":" + resource;
    }

    // ---- the functions ----

    @SuppressWarnings("unchecked")
    private Object resolveValue(Object value) {
        if (value instanceof Map<?, ?> raw) {
            Map<String, Object> map = (Map<String, Object>) raw;
            if (map.size() == 1) {
                Map.Entry<String, Object> only = map.entrySet().iterator().next();
                String key = only.getKey();
                if (key.equals("Ref")) {
                    return ref(String.valueOf(only.getValue()));
                }
                if (key.startsWith("Fn::")) {
                    return function(key.substring(4), only.getValue());
                }
                if (key.equals("Condition") && only.getValue() instanceof String name) {
                    return condition(name);
                }
            }
            Map<String, Object> resolved = new LinkedHashMap<>();
            map.forEach((k, v) -> {
                Object r = resolveValue(v);
                if (r != NO_VALUE) {
                    resolved.put(k, r);
                }
            });
            return resolved;
        }
        if (value instanceof List<?> list) {
            List<Object> resolved = new ArrayList<>();
            for (Object element : list) {
                Object r = resolveValue(element);
                if (r != NO_VALUE) {
                    resolved.add(r);
                }
            }
            return resolved;
        }
        return value;
    }

    private Object function(String name, Object argument) {
        switch (name) {
            case "Sub":
                return sub(argument);
            case "GetAtt":
                return getAtt(argument);
            case "Join": {
                List<Object> args = args(name, argument, 2);
                List<String> parts = new ArrayList<>();
                for (Object part : asList(resolveValue(args.get(1)))) {
                    parts.add(String.valueOf(part));
                }
                return String.join(String.valueOf(resolveValue(args.get(0))), parts);
            }
            case "Select": {
                List<Object> args = args(name, argument, 2);
                int index = Integer.parseInt(String.valueOf(resolveValue(args.get(0))));
                return asList(resolveValue(args.get(1))).get(index);
            }
            case "Split": {
                List<Object> args = args(name, argument, 2);
                String delimiter = String.valueOf(resolveValue(args.get(0)));
                String text = String.valueOf(resolveValue(args.get(1)));
                return new ArrayList<Object>(List.of(text.split(java.util.regex.Pattern.quote(delimiter), -1)));
            }
            case "If": {
                List<Object> args = args(name, argument, 3);
                return condition(String.valueOf(args.get(0))) ? resolveValue(args.get(1)) : resolveValue(args.get(2));
            }
            case "Equals": {
                List<Object> args = args(name, argument, 2);
                return String.valueOf(resolveValue(args.get(0))).equals(String.valueOf(resolveValue(args.get(1))));
            }
            case "Not":
                return !truth(args(name, argument, 1).get(0));
            case "And":
                return asList(argument).stream().allMatch(this::truth);
            case "Or":
                return asList(argument).stream().anyMatch(this::truth);
            case "FindInMap": {
                List<Object> args = args(name, argument, 3);
                Map<String, Object> top = TemplateModel.map(template.mappings().get(String.valueOf(resolveValue(args.get(0)))));
                Map<String, Object> second = TemplateModel.map(top.get(String.valueOf(resolveValue(args.get(1)))));
                Object found = second.get(String.valueOf(resolveValue(args.get(2))));
                if (found == null) {
                    throw new IllegalArgumentException("Fn::FindInMap found nothing for " + argument);
                }
                return resolveValue(found);
            }
            case "Base64":
                return Base64.getEncoder().encodeToString(
                        String.valueOf(resolveValue(argument)).getBytes(StandardCharsets.UTF_8));
            case "GetAZs":
                return new ArrayList<Object>(List.of(stack.region() + "a", stack.region() + "b", stack.region() + "c"));
            case "Length":
                return asList(resolveValue(argument)).size();
            case "ToJsonString":
                return Json.text(resolveValue(argument));
            default:
                throw new IllegalArgumentException("Fn::" + name + " is not supported by the local runner");
        }
    }

    private boolean truth(Object value) {
        Object resolved = resolveValue(value);
        return Boolean.TRUE.equals(resolved) || "true".equalsIgnoreCase(String.valueOf(resolved));
    }

    /** Evaluates a named entry of the template's {@code Conditions}. */
    boolean condition(String name) {
        Object definition = template.conditions().get(name);
        if (definition == null) {
            throw new IllegalArgumentException("unknown condition " + name);
        }
        return truth(definition);
    }

    private Object ref(String name) {
        if (parameters.containsKey(name)) {
            Object value = parameters.get(name);
            return value instanceof List<?> list ? new ArrayList<Object>(list) : value;
        }
        switch (name) {
            case "AWS::Region":
                return stack.region();
            case "AWS::AccountId":
                return stack.accountId();
            case "AWS::StackName":
                return stack.stackName();
            case "AWS::StackId":
                return arn("cloudformation", "stack/" + stack.stackName() + "/00000000-0000-0000-0000-000000000000");
            case "AWS::Partition":
                return "aws";
            case "AWS::URLSuffix":
                return "amazonaws.com";
            case "AWS::NoValue":
                return NO_VALUE;
            case "AWS::NotificationARNs":
                return new ArrayList<>();
            default:
                break;
        }
        if (!template.hasResource(name)) {
            throw new IllegalArgumentException("Ref " + name + ": no such parameter or resource");
        }
        if (template.resourceType(name).equals("AWS::SQS::Queue")) {
            return emulator.queueUrl(physicalName(name)); // Ref of a queue is its URL
        }
        return physicalName(name);
    }

    private Object getAtt(Object argument) {
        List<Object> args = argument instanceof String text && text.contains(".")
                ? List.of(text.substring(0, text.indexOf('.')), text.substring(text.indexOf('.') + 1))
                : asList(resolveValue(argument));
        if (args.size() != 2) {
            throw new IllegalArgumentException("Fn::GetAtt needs [LogicalId, Attribute], got " + argument);
        }
        return attribute(String.valueOf(args.get(0)), String.valueOf(args.get(1)));
    }

    /** {@code Fn::GetAtt}: ARNs the stack would have, and what only the emulator knows. */
    String attribute(String logicalId, String attribute) {
        if (!template.hasResource(logicalId)) {
            throw new IllegalArgumentException("Fn::GetAtt " + logicalId + "." + attribute + ": no such resource");
        }
        String name = physicalName(logicalId);
        String key = template.resourceType(logicalId) + "." + attribute;
        switch (key) {
            case "AWS::DynamoDB::Table.Arn":
                return arn("dynamodb", "table/" + name);
            case "AWS::DynamoDB::Table.StreamArn":
                return emulator.latestStreamArn(name);
            case "AWS::S3::Bucket.Arn":
                return "arn:aws:s3:::" + name;
            case "AWS::S3::Bucket.DomainName":
                return name + ".s3.amazonaws.com";
            case "AWS::S3::Bucket.RegionalDomainName":
                return name + ".s3." + stack.region() + ".amazonaws.com";
            case "AWS::SQS::Queue.Arn":
                return arn("sqs", name);
            case "AWS::SQS::Queue.QueueName":
                return name;
            case "AWS::SQS::Queue.QueueUrl":
                return emulator.queueUrl(name);
            case "AWS::Serverless::Function.Arn":
            case "AWS::Lambda::Function.Arn":
                return arn("lambda", "function:" + name);
            case "AWS::Cognito::UserPool.Arn":
                return arn("cognito-idp", "userpool/" + name);
            case "AWS::Cognito::UserPool.ProviderName":
                return "cognito-idp." + stack.region() + ".amazonaws.com/" + name;
            case "AWS::Cognito::UserPool.ProviderURL":
                return "https://cognito-idp." + stack.region() + ".amazonaws.com/" + name;
            default:
                throw new IllegalArgumentException("Fn::GetAtt " + logicalId + "." + attribute + " is not supported locally");
        }
    }

    private String sub(Object argument) {
        String text;
        Map<String, Object> variables = Map.of();
        if (argument instanceof List<?> list) {
            if (list.size() != 2) {
                throw new IllegalArgumentException("Fn::Sub takes a string or [string, {variables}]");
            }
            text = String.valueOf(list.get(0));
            variables = TemplateModel.map(list.get(1));
        } else {
            text = String.valueOf(argument);
        }
        StringBuilder out = new StringBuilder();
        int at = 0;
        while (at < text.length()) {
            int open = text.indexOf("${", at);
            if (open < 0) {
                out.append(text, at, text.length());
                break;
            }
            out.append(text, at, open);
            int close = text.indexOf('}', open);
            if (close < 0) {
                throw new IllegalArgumentException("Fn::Sub: unclosed ${ in " + text);
            }
            String variable = text.substring(open + 2, close);
            if (variable.startsWith("!")) {
                out.append("${").append(variable.substring(1)).append('}'); // ${!Literal} stays literal
            } else {
                out.append(subVariable(variable.trim(), variables));
            }
            at = close + 1;
        }
        return out.toString();
    }

    private String subVariable(String variable, Map<String, Object> variables) {
        if (variables.containsKey(variable)) {
            return String.valueOf(resolveValue(variables.get(variable)));
        }
        if (!parameters.containsKey(variable) && !template.hasResource(variable) && variable.contains(".")
                && !variable.startsWith("AWS::")) {
            int dot = variable.indexOf('.');
            return attribute(variable.substring(0, dot), variable.substring(dot + 1));
        }
        Object value = ref(variable);
        return value instanceof List<?> list ? String.join(",", list.stream().map(String::valueOf).toList()) : String.valueOf(value);
    }

    private static List<Object> args(String function, Object argument, int count) {
        List<Object> args = asList(argument);
        if (args.size() != count) {
            throw new IllegalArgumentException("Fn::" + function + " takes " + count + " arguments, got " + argument);
        }
        return args;
    }

    @SuppressWarnings("unchecked")
    private static List<Object> asList(Object value) {
        if (value instanceof List<?>) {
            return (List<Object>) value;
        }
        throw new IllegalArgumentException("expected a list, got " + value);
    }
}
