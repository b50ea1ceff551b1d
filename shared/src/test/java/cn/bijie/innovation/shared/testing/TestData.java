package cn.bijie.innovation.shared.testing;

import cn.bijie.innovation.shared.organization.Organization;
import cn.bijie.innovation.shared.store.dynamodb.DynamoOrganizationStore;
import cn.bijie.innovation.shared.uscc.Uscc;
import java.util.concurrent.ThreadLocalRandom;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/** Data for tests that share one table: fresh identities, so tests never meet each other's records. */
public final class TestData {
    private TestData() {}

    /** A valid USCC (check character right) that no other test uses. */
    public static String newUscc() {
        StringBuilder first17 = new StringBuilder("915205");
        ThreadLocalRandom random = ThreadLocalRandom.current();
        while (first17.length() < 17) {
            first17.append(random.nextInt(10));
        }
        return first17.toString() + Uscc.checkCharacter(first17.toString());
    }

    /** Stores a profile for {@code uscc} in {@code county}, as an organisation needs before it may apply. */
    public static void profile(DynamoDbClient dynamo, String table, String uscc, String county) {
        new DynamoOrganizationStore(dynamo, table).save(null, new Organization(uscc, "毕节某科技有限公司", county,
                "NEW_MATERIALS", "a@example.com", null, "2026-11-01T00:00:00Z"), "seed");
    }
}
