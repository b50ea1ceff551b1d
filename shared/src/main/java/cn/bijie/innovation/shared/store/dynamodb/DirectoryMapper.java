package cn.bijie.innovation.shared.store.dynamodb;

import cn.bijie.innovation.shared.organization.DirectoryEntry;
import cn.bijie.innovation.shared.organization.Organization;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * The organisation's directory entry ({@code ORG#<uscc> / DIRECTORY}), listed in GSI3 partition {@code ORG} by
 * {@code <name key>#<uscc>}: a name search is a {@code begins_with} on that sort key. Each writer sets only the
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

    private DirectoryMapper() {}

    public static Map<String, AttributeValue> key(String uscc) {
        return Keys.key(Keys.organizationPk(uscc), "DIRECTORY");
    }

    /** Sets the profile's part of the entry (created with it). */
    static void profile(WriteTransaction tx, Organization o, String nameKey) {
        Map<String, String> names = new HashMap<>(Map.of("#type", "type", "#uscc", USCC, "#name", NAME,
                "#county", COUNTY, "#industry", INDUSTRY, "#gpk", GSI_PK, "#gsk", GSI_SK));
        Map<String, AttributeValue> values = new HashMap<>(Map.of(":type", Items.s(TYPE), ":uscc", Items.s(o.uscc()),
                ":name", Items.s(o.name()), ":county", Items.s(o.county()), ":industry", Items.s(o.industry()),
                ":gpk", Items.s(PARTITION), ":gsk", Items.s(nameKey + "#" + o.uscc())));
        tx.update(key(o.uscc()), "SET #type = :type, #uscc = :uscc, #name = :name, #county = :county, "
                + "#industry = :industry, #gpk = :gpk, #gsk = :gsk", names, values, Condition.NONE, null);
    }

    static void tier(WriteTransaction tx, String uscc, String tier) {
        tx.update(key(uscc), "SET #tier = :tier", Map.of("#tier", GROWTH_TIER), Map.of(":tier", Items.s(tier)),
                Condition.NONE, null);
    }

    static IndexQuery query() {
        return IndexQuery.on(Indexes.ALL, PARTITION).ascending();
    }

    static DirectoryEntry fromItem(Map<String, AttributeValue> item) {
        Long intake = Items.num(item, POOL_INTAKE);
        AttributeValue kinds = item.get(ACTIVE_KINDS);
        return new DirectoryEntry(Items.str(item, USCC), Items.str(item, NAME), Items.str(item, COUNTY),
                Items.str(item, INDUSTRY), Items.str(item, GROWTH_TIER), intake == null ? null : intake.intValue(),
                kinds == null || !kinds.hasSs() ? List.of() : kinds.ss().stream().sorted().toList());
    }
}
