package cn.bijie.innovation.shared.store.dynamodb;

import cn.bijie.innovation.shared.errors.Conflict;
import cn.bijie.innovation.shared.organization.DirectoryEntry;
import cn.bijie.innovation.shared.organization.Organization;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * The organisation's directory entry ({@code ORG#<uscc> / DIRECTORY}), listed in GSI3 partition {@code ORG} by
 * {@code <name key>#<uscc>}: a name search is a {@code begins_with} on that sort key; while the organisation is in
 * the reserve pool the entry is also in the GSI2 partition {@code ORG#POOL} by the same key. Each writer sets only the
 * attributes it owns (the profile its codes, the tier, the pool its intake, the stream consumer the ACTIVE kinds), so
 * none overwrites another's.
 */
public final class DirectoryMapper {
    static final String TYPE = "ORGANIZATION_DIRECTORY";
    static final String PARTITION = "ORG";
    static final String USCC = "uscc";
    static final String NAME = "name";
    static final String COUNTY = "county";
    static final String INDUSTRY = "industry";
    static final String GROWTH_TIER = "growthTier";
    /** The intake of the reserve pool the organisation is in, until it converts. */
    static final String POOL_INTAKE = "poolIntake";
    /** The kinds of recognition it holds ACTIVE (a string set; absent when none). */
    static final String ACTIVE_KINDS = "activeKinds";
    private static final String GSI_PK = Indexes.ALL + "PK";
    private static final String GSI_SK = Indexes.ALL + "SK";
    /** The entries of the organisations in the pool, by name key too: {@code inPool=true} reads only these. */
    static final String IN_POOL_PARTITION = "ORG#POOL";
    private static final String POOL_PK = Indexes.BY_STATUS + "PK";
    private static final String POOL_SK = Indexes.BY_STATUS + "SK";

    private DirectoryMapper() {}

    public static Map<String, AttributeValue> key(String uscc) {
        return Keys.key(Keys.organizationPk(uscc), "DIRECTORY");
    }

    /** Sets the profile's part of the entry (created with it). */
    static void profile(WriteTransaction tx, Organization o, String nameKey) {
        ProfilePart part = new ProfilePart(o, nameKey);
        tx.update(key(o.uscc()), part.set.toString(), part.names, part.values, Condition.NONE, null);
    }

    /** The update of the profile's attributes and keys, to which {@link #backfill} adds the others'. */
    private static final class ProfilePart {
        final Map<String, String> names;
        final Map<String, AttributeValue> values;
        final StringBuilder set = new StringBuilder("SET #type = :type, #uscc = :uscc, #name = :name, "
                + "#county = :county, #industry = :industry, #gpk = :gpk, #gsk = :gsk, #psk = :gsk");

        ProfilePart(Organization o, String nameKey) {
            names = new HashMap<>(Map.of("#type", "type", "#uscc", USCC, "#name", NAME, "#county", COUNTY,
                    "#industry", INDUSTRY, "#gpk", GSI_PK, "#gsk", GSI_SK, "#psk", POOL_SK));
            values = new HashMap<>(Map.of(":type", Items.s(TYPE), ":uscc", Items.s(o.uscc()), ":name",
                    Items.s(o.name()), ":county", Items.s(o.county()), ":industry", Items.s(o.industry()),
                    ":gpk", Items.s(PARTITION), ":gsk", Items.s(nameKey + "#" + o.uscc())));
        }
    }

    static void tier(WriteTransaction tx, String uscc, String tier) {
        tx.update(key(uscc), "SET #tier = :tier", Map.of("#tier", GROWTH_TIER), Map.of(":tier", Items.s(tier)),
                Condition.NONE, null);
    }

    /** The directory, or only the organisations in the pool (a sparse partition of GSI2), by name key. */
    static IndexQuery query(boolean onlyInPool) {
        return (onlyInPool ? IndexQuery.on(Indexes.BY_STATUS, IN_POOL_PARTITION) : IndexQuery.on(Indexes.ALL, PARTITION))
                .ascending();
    }

    /**
     * Enters the pool: the intake, and the entry into the in-pool partition. Its GSI2 sort key is the name key the
     * profile keeps there (an entry is in GSI2 only while it has {@code GSI2PK}).
     */
    static void enterPool(WriteTransaction tx, String uscc, int intake, Supplier<Conflict> inPool) {
        tx.update(key(uscc), "SET #pi = :pi, #ppk = :ppk, #psk = if_not_exists(#psk, :uscc)",
                Map.of("#pi", POOL_INTAKE, "#ppk", POOL_PK, "#psk", POOL_SK),
                Map.of(":pi", Items.n(intake), ":ppk", Items.s(IN_POOL_PARTITION), ":uscc", Items.s(uscc)),
                new Condition("attribute_not_exists(#pi)", Map.of(), Map.of()), inPool);
    }

    /** Converts: the kind held, and out of the pool. */
    static void converted(WriteTransaction tx, String uscc, String kind) {
        tx.update(key(uscc), "ADD #kinds :kind REMOVE #pi, #ppk",
                Map.of("#kinds", ACTIVE_KINDS, "#pi", POOL_INTAKE, "#ppk", POOL_PK),
                Map.of(":kind", AttributeValue.fromSs(List.of(kind))), Condition.NONE, null);
    }

    /** A kind held ACTIVE. */
    static void holds(WriteTransaction tx, String uscc, String kind) {
        tx.update(key(uscc), "ADD #kinds :kind", Map.of("#kinds", ACTIVE_KINDS),
                Map.of(":kind", AttributeValue.fromSs(List.of(kind))), Condition.NONE, null);
    }

    /**
     * The whole entry of a profile written before the directory (maintenance {@code backfill-directory}): the
     * profile's part, its tier and, while it is in the pool, its intake and the in-pool partition, in one update (a
     * transaction writes an item once).
     */
    static void backfill(WriteTransaction tx, Organization o, String nameKey, Integer openIntake) {
        ProfilePart part = new ProfilePart(o, nameKey);
        if (o.growthTier() != null) {
            part.names.put("#tier", GROWTH_TIER);
            part.values.put(":tier", Items.s(o.growthTier()));
            part.set.append(", #tier = :tier");
        }
        if (openIntake != null) {
            part.names.put("#pi", POOL_INTAKE);
            part.names.put("#ppk", POOL_PK);
            part.values.put(":pi", Items.n(openIntake));
            part.values.put(":ppk", Items.s(IN_POOL_PARTITION));
            part.set.append(", #pi = :pi, #ppk = :ppk");
        }
        tx.update(key(o.uscc()), part.set.toString(), part.names, part.values, Condition.NONE, null);
    }

    /** Whether the entry is in the pool's partition (GSI2) with an intake. */
    static boolean pooled(Map<String, AttributeValue> item) {
        return item != null && item.containsKey(POOL_INTAKE) && item.containsKey(POOL_PK);
    }

    /** Whether the entry is listed in the directory (GSI3): false for none, or one written before the directory. */
    static boolean listed(Map<String, AttributeValue> item) {
        return item != null && item.containsKey(GSI_PK);
    }

    static DirectoryEntry fromItem(Map<String, AttributeValue> item) {
        Long intake = Items.num(item, POOL_INTAKE);
        AttributeValue kinds = item.get(ACTIVE_KINDS);
        return new DirectoryEntry(Items.str(item, USCC), Items.str(item, NAME), Items.str(item, COUNTY),
                Items.str(item, INDUSTRY), Items.str(item, GROWTH_TIER), intake == null ? null : intake.intValue(),
                kinds == null || !kinds.hasSs() ? List.of() : kinds.ss().stream().sorted().toList());
    }
}
