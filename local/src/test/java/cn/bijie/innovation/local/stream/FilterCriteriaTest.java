package cn.bijie.innovation.local.stream;

import static org.assertj.core.api.Assertions.assertThat;

import cn.bijie.innovation.local.support.Json;
import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

public class FilterCriteriaTest {
    private static final JsonNode CERTIFICATION_INSERT = json("""
            {"eventName":"INSERT","dynamodb":{
              "Keys":{"PK":{"S":"CERT#1"},"SK":{"S":"META"}},
              "NewImage":{"PK":{"S":"CERT#1"},"type":{"S":"CERTIFICATION"},"status":{"S":"ACTIVE"},"amount":{"N":"5"}}}}
            """);
    private static final JsonNode AUDIT_MODIFY = json("""
            {"eventName":"MODIFY","dynamodb":{
              "Keys":{"PK":{"S":"AUDIT#9"},"SK":{"S":"X"}},
              "NewImage":{"type":{"S":"AUDIT"}},"OldImage":{"type":{"S":"AUDIT"},"status":{"S":"OLD"}}}}
            """);

    private static FilterCriteria filters(String... patterns) {
        return FilterCriteria.fromTemplate(Map.of("Filters", List.of(patterns).stream().map(p -> Map.of("Pattern", p)).toList()));
    }

    @Test
    void noFilters_letEverythingThrough() {
        assertThat(FilterCriteria.fromTemplate(null).matches(AUDIT_MODIFY)).isTrue();
    }

    @Test
    void exactValues_andAlternatives() {
        FilterCriteria f = filters("{\"eventName\":[\"INSERT\",\"MODIFY\"],\"dynamodb\":{\"NewImage\":{\"type\":{\"S\":[\"CERTIFICATION\"]}}}}");

        assertThat(f.matches(CERTIFICATION_INSERT)).isTrue();
        assertThat(f.matches(AUDIT_MODIFY)).isFalse();
    }

    @Test
    void prefix_onKeys() {
        FilterCriteria f = filters("{\"dynamodb\":{\"Keys\":{\"PK\":{\"S\":[{\"prefix\":\"CERT#\"}]}}}}");

        assertThat(f.matches(CERTIFICATION_INSERT)).isTrue();
        assertThat(f.matches(AUDIT_MODIFY)).isFalse();
    }

    @Test
    void exists_trueAndFalse() {
        FilterCriteria hasOldStatus = filters("{\"dynamodb\":{\"OldImage\":{\"status\":[{\"exists\":true}]}}}");
        FilterCriteria noOldImage = filters("{\"dynamodb\":{\"OldImage\":[{\"exists\":false}]}}");

        assertThat(hasOldStatus.matches(AUDIT_MODIFY)).isTrue();
        assertThat(hasOldStatus.matches(CERTIFICATION_INSERT)).isFalse();
        assertThat(noOldImage.matches(CERTIFICATION_INSERT)).isTrue();
        assertThat(noOldImage.matches(AUDIT_MODIFY)).isFalse();
    }

    @Test
    void anyOfSeveralPatterns_isEnough() {
        FilterCriteria f = filters("{\"eventName\":[\"REMOVE\"]}", "{\"dynamodb\":{\"NewImage\":{\"type\":{\"S\":[\"AUDIT\"]}}}}");

        assertThat(f.matches(AUDIT_MODIFY)).isTrue();
        assertThat(f.matches(CERTIFICATION_INSERT)).isFalse();
    }

    @Test
    void anythingBut_andNumeric() {
        assertThat(filters("{\"eventName\":[{\"anything-but\":[\"REMOVE\"]}]}").matches(CERTIFICATION_INSERT)).isTrue();
        assertThat(filters("{\"eventName\":[{\"anything-but\":\"INSERT\"}]}").matches(CERTIFICATION_INSERT)).isFalse();
        assertThat(filters("{\"dynamodb\":{\"NewImage\":{\"amount\":{\"N\":[{\"numeric\":[\">\",1,\"<=\",5]}]}}}}")
                .matches(CERTIFICATION_INSERT)).isTrue();
    }

    @Test
    void patternGivenAsYamlMap_worksLikeJsonText() {
        FilterCriteria f = FilterCriteria.fromTemplate(Map.of("Filters",
                List.of(Map.of("Pattern", Map.of("eventName", List.of("INSERT"))))));

        assertThat(f.matches(CERTIFICATION_INSERT)).isTrue();
        assertThat(f.matches(AUDIT_MODIFY)).isFalse();
    }

    private static JsonNode json(String text) {
        try {
            return Json.MAPPER.readTree(text);
        } catch (Exception e) {
            throw new IllegalArgumentException(e);
        }
    }
}
