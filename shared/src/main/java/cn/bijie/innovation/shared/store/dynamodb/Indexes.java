package cn.bijie.innovation.shared.store.dynamodb;

import java.util.Map;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/** The list indexes of the table (docs/CONTRACTS.md): each record names its keys in them. */
public final class Indexes {
    /** An organisation's records: {@code ORG#<uscc>#<ENTITY>}. */
    public static final String BY_ORGANIZATION = "GSI1";
    /** By status: {@code <ENTITY>#<status>}. */
    public static final String BY_STATUS = "GSI2";
    /** All records of an entity, newest first. */
    public static final String ALL = "GSI3";

    private Indexes() {}

    /** Puts {@code <index>PK}/{@code <index>SK} on an item. */
    public static void put(Map<String, AttributeValue> item, String index, String pk, String sk) {
        item.put(index + "PK", AttributeValue.fromS(pk));
        item.put(index + "SK", AttributeValue.fromS(sk));
    }
}
