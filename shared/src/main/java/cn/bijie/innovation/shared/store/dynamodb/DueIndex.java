package cn.bijie.innovation.shared.store.dynamodb;

import cn.bijie.innovation.shared.time.Shanghai;
import java.time.Instant;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * The sparse {@code DueIndex}: an item that needs the reminder run on some date carries {@code DUEPK}/{@code DUESK};
 * once nothing more is due the writer removes them and the item leaves the index. The run queries the dates from the
 * last one it processed to today, so its cost follows the number of due items, not the size of the table.
 *
 * <p>{@code DUEPK = DUE#<date>#<shard>}: a date is spread over {@link #SHARDS} partitions by a hash of the item's id,
 * so a national-scale day (hundreds of thousands of certificates issued on one date expire together) never becomes one
 * hot partition; the run pays {@link #SHARDS} queries per date for it.
 */
public final class DueIndex {
    public static final String NAME = "DueIndex";
    public static final String PK = "DUEPK";
    public static final String SK = "DUESK";
    public static final int SHARDS = 4;

    private DueIndex() {}

    /**
     * The index attributes for a writer at {@code now}: a due date already past is due today instead, because the run
     * reads only from the last date it processed onwards and would never look at an earlier date again.
     */
    public static Map<String, AttributeValue> attributes(LocalDate due, Instant now, String itemId) {
        LocalDate today = Shanghai.dateOf(now);
        return attributes(due.isBefore(today) ? today : due, itemId);
    }

    /** The due date that a {@code DUESK} value carries. */
    public static LocalDate dueOn(String sortKey) {
        return LocalDate.parse(sortKey.substring(0, sortKey.indexOf('#')));
    }

    /** The index attributes for {@code itemId} (e.g. {@code CERT#…}) due on {@code date}. */
    public static Map<String, AttributeValue> attributes(LocalDate date, String itemId) {
        Map<String, AttributeValue> attributes = new HashMap<>();
        attributes.put(PK, AttributeValue.fromS(partition(date, shardOf(itemId))));
        attributes.put(SK, AttributeValue.fromS(date + "#" + itemId));
        return attributes;
    }

    public static String partition(LocalDate date, int shard) {
        return "DUE#" + date + "#" + shard;
    }

    /** Every partition of one date, for the reminder run. */
    public static List<String> partitions(LocalDate date) {
        return IntStream.range(0, SHARDS).mapToObj(shard -> partition(date, shard)).toList();
    }

    static int shardOf(String itemId) {
        return Math.floorMod(itemId.hashCode(), SHARDS);
    }
}
