package cn.bijie.innovation.shared.paging;

import java.util.List;
import java.util.Map;

/**
 * One page as a store read it: the items and the position to continue after (the store's key, as names and text
 * values; null at the end). Only {@link PageToken} carries a position to a client, sealed.
 */
public record Slice<T>(List<T> items, Map<String, String> lastKey) {}
