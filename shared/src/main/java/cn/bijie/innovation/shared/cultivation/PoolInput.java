package cn.bijie.innovation.shared.cultivation;

import java.util.Map;

/** The body of {@code POST /cultivation/pool}: an enterprise, the intake year, the criteria it met as recorded. */
public record PoolInput(String uscc, Integer intake, Map<String, String> criteria) {}
