package cn.bijie.innovation.shared.policy;

import com.fasterxml.jackson.databind.JsonNode;

/** The body of {@code PUT /policy/parameters/{name}}: {@code {"value":50000}}; its type depends on the parameter. */
public record ParameterInput(JsonNode value) {}
