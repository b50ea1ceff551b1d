package cn.bijie.innovation.functions.applications;

import cn.bijie.innovation.shared.aws.PageTokenSecret;
import cn.bijie.innovation.shared.application.ApplicationService;
import cn.bijie.innovation.shared.aws.AwsClients;
import cn.bijie.innovation.shared.config.Config;
import cn.bijie.innovation.shared.paging.PageToken;
import cn.bijie.innovation.shared.policy.Policy;
import cn.bijie.innovation.shared.store.dynamodb.DynamoApplicationStore;
import cn.bijie.innovation.shared.http.ApiEvent;
import cn.bijie.innovation.shared.http.ApiEvent.Answer;
import cn.bijie.innovation.shared.testing.ApiEvents;
import cn.bijie.innovation.shared.testing.CallCounter;
import cn.bijie.innovation.shared.testing.TestData;
import cn.bijie.innovation.shared.testing.TestStack;
import java.time.Clock;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/**
 * The handler on real SDK clients (with a call counter) against the test JVM's stack, configured as template.yaml
 * configures SubmitApplicationFunction; two fresh organisations with profiles, so tests never meet each other's data.
 */
class ApplicationsFixture {
    final TestStack stack = TestStack.shared();
    final Config config = stack.config("SubmitApplicationFunction");
    final CallCounter counter = new CallCounter();
    final DynamoDbClient dynamo = new AwsClients(config).dynamoDb(counter);
    final SubmitApplicationHandler handler = new SubmitApplicationHandler(new ApplicationService(
            new DynamoApplicationStore(dynamo, stack.table(), Policy.active().reminders().applicationWaitingDays()),
            Policy.active(), new PageToken(PageTokenSecret.of(config)), Clock.systemUTC()));
    final String own = TestData.newUscc();
    final String other = TestData.newUscc();

    ApplicationsFixture() {
        profile(own, "520502");
        profile(other, "520581");
    }

    void profile(String uscc, String county) {
        TestData.profile(dynamo, stack.table(), uscc, county);
    }

    static ApiEvent submit(String uscc) {
        return ApiEvents.sample("submit-application.json").as("u-" + uscc, uscc, "applicant")
                .header("idempotency-key", null).bodyField("uscc", "\"" + uscc + "\"");
    }

    /** Submits a valid application for {@code uscc} and answers its id. */
    String submitted(String uscc) {
        Answer answer = submit(uscc).invoke(handler);
        if (answer.status() != 201) {
            throw new AssertionError("setup submission failed: " + answer.rawBody());
        }
        return answer.body().path("applicationId").asText();
    }

    static ApiEvent owner(ApiEvent event, String uscc) {
        return event.as("u-" + uscc, uscc, "applicant");
    }

    static ApiEvent staff(ApiEvent event) {
        return event.as("u-staff", null, "staff");
    }

    int itemCount() {
        return stack.countItems(dynamo);
    }
}
