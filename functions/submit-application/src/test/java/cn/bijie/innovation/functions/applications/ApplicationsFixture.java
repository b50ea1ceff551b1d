package cn.bijie.innovation.functions.applications;

import cn.bijie.innovation.shared.application.ApplicationService;
import cn.bijie.innovation.shared.organization.Organization;
import cn.bijie.innovation.shared.paging.PageToken;
import cn.bijie.innovation.shared.policy.Policy;
import cn.bijie.innovation.shared.store.dynamodb.DynamoApplicationStore;
import cn.bijie.innovation.shared.store.dynamodb.DynamoOrganizationStore;
import cn.bijie.innovation.shared.testing.ApiEvent;
import cn.bijie.innovation.shared.testing.CallCounter;
import cn.bijie.innovation.shared.testing.MiniStack;
import cn.bijie.innovation.shared.testing.ScratchStack;
import java.time.Clock;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/** The handler on real SDK clients against the test JVM's MiniStack, an empty table, and the callers of the tests. */
class ApplicationsFixture {
    static final String OWN = "91520500MA6DKQ5X35";
    static final String OTHER = "91520581MA6H12345G";
    static final String SECRET = "test-page-token-secret-of-at-least-32-chars";

    final CallCounter counter = new CallCounter();
    final DynamoDbClient dynamo;
    final SubmitApplicationHandler handler;

    ApplicationsFixture() {
        MiniStack.shared().reset();
        dynamo = ScratchStack.dynamo(counter);
        ScratchStack.createTable(dynamo);
        handler = new SubmitApplicationHandler(new ApplicationService(
                new DynamoApplicationStore(dynamo, ScratchStack.TABLE, new PageToken(SECRET),
                        Policy.active().reminders().applicationWaitingDays()),
                Policy.active(), Clock.systemUTC()));
    }

    void profile(String uscc, String county) {
        new DynamoOrganizationStore(dynamo, ScratchStack.TABLE).save(null, new Organization(uscc, "毕节某科技有限公司",
                county, "NEW_MATERIALS", "a@example.com", null, "2026-11-01T00:00:00Z"), "seed");
    }

    static ApiEvent submit(String uscc) {
        return ApiEvent.sample("submit-application.json").as("u-" + uscc, uscc, "applicant")
                .header("idempotency-key", null).bodyField("uscc", "\"" + uscc + "\"");
    }

    /** Submits a valid application for {@code uscc} and answers its id. */
    String submitted(String uscc) {
        ApiEvent.Reply reply = submit(uscc).invoke(handler);
        if (reply.status() != 201) {
            throw new AssertionError("setup submission failed: " + reply.raw());
        }
        return reply.body().path("applicationId").asText();
    }

    static ApiEvent owner(ApiEvent event, String uscc) {
        return event.as("u-" + uscc, uscc, "applicant");
    }

    static ApiEvent staff(ApiEvent event) {
        return event.as("u-staff", null, "staff");
    }

    int itemCount() {
        return dynamo.scan(s -> s.tableName(ScratchStack.TABLE).select("COUNT")).count();
    }
}
