package cn.bijie.innovation.shared.store.dynamodb;

import cn.bijie.innovation.shared.organization.Organization;
import java.util.HashMap;
import java.util.Map;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/** The organisation's profile item ({@code ORG#<uscc> / PROFILE}): its attribute names and conversion. */
public final class OrganizationMapper {
    static final String TYPE = "ORGANIZATION";
    static final String USCC = "uscc";
    static final String NAME = "name";
    static final String COUNTY = "county";
    static final String INDUSTRY = "industry";
    static final String CONTACT_EMAIL = "contactEmail";
    static final String GROWTH_TIER = "growthTier";
    /** The optimistic lock: a write replaces the profile only while this is as it read it. */
    static final String UPDATED_AT = "updatedAt";

    /** A profile an import created: {@code createdBy = IMPORT} and which import (staff complete it later). */
    static final String CREATED_BY = "createdBy";
    static final String CREATED_BY_IMPORT = "createdByImport";

    /** The contact address failed ({@code Organization.BOUNCED}/{@code COMPLAINED}), when, and what SES said. */
    static final String CONTACT_STATUS = "contactStatus";
    static final String CONTACT_FAILED_AT = "contactFailedAt";
    static final String CONTACT_FAILURE = "contactFailure";

    private OrganizationMapper() {}

    /** Public for the bench's seeder, which writes profiles in bulk. */
    public static Map<String, AttributeValue> item(Organization o) {
        Map<String, AttributeValue> item = new HashMap<>(Keys.organization(o.uscc()));
        item.put("type", Items.s(TYPE));
        item.put(USCC, Items.s(o.uscc()));
        item.put(NAME, Items.s(o.name()));
        item.put(COUNTY, Items.s(o.county()));
        item.put(INDUSTRY, Items.s(o.industry()));
        item.put(CONTACT_EMAIL, Items.s(o.contactEmail()));
        Items.putIfPresent(item, GROWTH_TIER, o.growthTier());
        item.put(UPDATED_AT, Items.s(o.updatedAt()));
        Items.putIfPresent(item, CONTACT_STATUS, o.contactStatus());
        Items.putIfPresent(item, CONTACT_FAILED_AT, o.contactFailedAt());
        Items.putIfPresent(item, CONTACT_FAILURE, o.contactFailure());
        return item;
    }

    /** The profile an import creates from a list's row: no contact address yet. */
    static Map<String, AttributeValue> importedItem(Organization o, String importId) {
        Map<String, AttributeValue> item = item(o);
        if (o.contactEmail() == null) {
            item.remove(CONTACT_EMAIL);
        }
        item.put(CREATED_BY, Items.s("IMPORT"));
        item.put(CREATED_BY_IMPORT, Items.s(importId));
        return item;
    }

    static String createdByImport(Map<String, AttributeValue> item) {
        return Items.str(item, CREATED_BY_IMPORT);
    }

    static Organization fromItem(Map<String, AttributeValue> item) {
        return new Organization(Items.str(item, USCC), Items.str(item, NAME), Items.str(item, COUNTY),
                Items.str(item, INDUSTRY), Items.str(item, CONTACT_EMAIL), Items.str(item, GROWTH_TIER),
                Items.str(item, UPDATED_AT), Items.str(item, CONTACT_STATUS), Items.str(item, CONTACT_FAILED_AT),
                Items.str(item, CONTACT_FAILURE));
    }
}
