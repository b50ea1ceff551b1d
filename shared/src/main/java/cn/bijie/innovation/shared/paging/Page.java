package cn.bijie.innovation.shared.paging;

import cn.bijie.innovation.shared.errors.ValidationFailed;
import java.util.List;

/** A list response: {@code {"items":[…],"nextToken":…|null}}. */
public record Page<T>(List<T> items, String nextToken) {
    public static final int DEFAULT_LIMIT = 50;
    public static final int MAX_LIMIT = 100;

    /** The {@code limit} query parameter: 1–100, default 50. */
    public static int limit(String value) {
        if (value == null) {
            return DEFAULT_LIMIT;
        }
        try {
            int limit = Integer.parseInt(value);
            if (limit >= 1 && limit <= MAX_LIMIT) {
                return limit;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw ValidationFailed.field(ListParameters.LIMIT, "须为 1–100 的整数 (an integer from 1 to 100)");
    }
}
