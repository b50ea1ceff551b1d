package cn.bijie.innovation.shared.json;

import cn.bijie.innovation.shared.errors.FieldProblem;
import cn.bijie.innovation.shared.errors.ValidationFailed;
import cn.bijie.innovation.shared.validation.TextPolicy;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.MapperFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.cfg.CoercionAction;
import com.fasterxml.jackson.databind.cfg.CoercionInputShape;
import com.fasterxml.jackson.databind.deser.std.StdScalarDeserializer;
import com.fasterxml.jackson.databind.deser.std.StringDeserializer;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.module.SimpleModule;
import com.fasterxml.jackson.databind.type.LogicalType;
import java.io.IOException;
import java.util.List;
import java.util.stream.Collectors;

/** The one {@link ObjectMapper}: strict on input (unknown fields and type coercions are errors), compact on output. */
public final class Json {
    public static final ObjectMapper MAPPER = JsonMapper.builder()
            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
            .enable(DeserializationFeature.FAIL_ON_READING_DUP_TREE_KEY)
            .enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION)
            .disable(DeserializationFeature.ACCEPT_FLOAT_AS_INT)
            .disable(MapperFeature.ALLOW_COERCION_OF_SCALARS)
            .serializationInclusion(JsonInclude.Include.ALWAYS)
            .build();

    static {
        // "123" is not a number and 123 is not a string: the API says which type each field has.
        MAPPER.coercionConfigFor(LogicalType.Textual)
                .setCoercion(CoercionInputShape.Integer, CoercionAction.Fail)
                .setCoercion(CoercionInputShape.Float, CoercionAction.Fail)
                .setCoercion(CoercionInputShape.Boolean, CoercionAction.Fail);
        MAPPER.coercionConfigDefaults().setCoercion(CoercionInputShape.EmptyString, CoercionAction.Fail);
        // every text read is NFC (TextPolicy), whichever way the client composed or escaped it
        MAPPER.registerModule(new SimpleModule("nfc").addDeserializer(String.class,
                new StdScalarDeserializer<String>(String.class) {
                    @Override
                    public String deserialize(JsonParser p, DeserializationContext context) throws IOException {
                        return TextPolicy.normalize(StringDeserializer.instance.deserialize(p, context));
                    }
                }));
    }

    private Json() {}

    /** Parses a request body into {@code type}, or fails with a {@link ValidationFailed} that names the field. */
    public static <T> T read(String body, Class<T> type) {
        if (body == null || body.isBlank()) {
            throw ValidationFailed.field("body", "请求体不能为空 (a JSON body is required)");
        }
        try {
            T value = MAPPER.readValue(body, type);
            if (value == null) {
                throw ValidationFailed.field("body", "请求体必须是 JSON 对象 (a JSON object is required)");
            }
            return value;
        } catch (UnrecognizedPropertyException e) {
            throw ValidationFailed.field(path(e), "未知字段 (unknown field)");
        } catch (JsonMappingException e) {
            String field = path(e);
            throw ValidationFailed.field(field.isEmpty() ? "body" : field, "类型或格式错误 (wrong type or format)");
        } catch (JsonProcessingException e) {
            throw new ValidationFailed("请求体不是合法的 JSON (malformed JSON)",
                    List.of(new FieldProblem("body", "malformed JSON at line " + e.getLocation().getLineNr()
                            + ", column " + e.getLocation().getColumnNr())));
        }
    }

    public static JsonNode tree(String json) {
        try {
            return MAPPER.readTree(json);
        } catch (JsonProcessingException e) {
            throw ValidationFailed.field("body", "malformed JSON");
        }
    }

    public static String write(Object value) {
        try {
            return MAPPER.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot serialise " + value.getClass().getSimpleName(), e);
        }
    }

    private static String path(JsonMappingException e) {
        return e.getPath().stream()
                .map(ref -> ref.getFieldName() != null ? ref.getFieldName() : "[" + ref.getIndex() + "]")
                .collect(Collectors.joining("."))
                .replace(".[", "[");
    }
}
