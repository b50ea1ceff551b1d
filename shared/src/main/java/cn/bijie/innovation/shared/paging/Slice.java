package cn.bijie.innovation.shared.paging;

import java.util.List;
import java.util.Map;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/** One page as a store read it: the items and the key to continue after (null at the end). */
public record Slice<T>(List<T> items, Map<String, AttributeValue> lastKey) {}
