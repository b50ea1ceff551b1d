package cn.bijie.innovation.shared.ids;

import java.security.SecureRandom;
import java.time.Clock;
import java.util.UUID;
import java.util.regex.Pattern;

/**
 * Record ids in the UUID version 7 layout: 48 bits of Unix milliseconds, then random bits. Unguessable, and ids made
 * later sort after earlier ones, so a partition of them read backwards lists the newest first.
 */
public final class SortableId {
    private static final SecureRandom RANDOM = new SecureRandom();
    private static final Pattern SHAPE =
            Pattern.compile("^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$");

    private SortableId() {}

    public static String next(Clock clock) {
        long millis = clock.millis();
        long high = (millis << 16) | 0x7000L | (RANDOM.nextInt() & 0x0fffL);
        long low = (RANDOM.nextLong() & 0x3fffffffffffffffL) | 0x8000000000000000L;
        return new UUID(high, low).toString();
    }

    /**
     * Whether {@code id} has the shape of an id (any UUID, lower case). A path id of another shape names no record;
     * checking it first also keeps absurd input (a 5,000-character id) away from the table's key limits.
     */
    public static boolean isWellFormed(String id) {
        return id != null && SHAPE.matcher(id).matches();
    }
}
