package cn.bijie.innovation.functions.organizations;

import static cn.bijie.innovation.shared.testing.ApiEvents.event;
import static cn.bijie.innovation.shared.testing.ApiEvents.invoke;
import static org.assertj.core.api.Assertions.assertThat;

import cn.bijie.innovation.shared.crac.Priming;
import cn.bijie.innovation.shared.notification.NotificationService;
import cn.bijie.innovation.shared.organization.OrganizationService;
import cn.bijie.innovation.shared.paging.PageToken;
import cn.bijie.innovation.shared.policy.Policy;
import cn.bijie.innovation.shared.store.dynamodb.DynamoNotificationStore;
import cn.bijie.innovation.shared.store.dynamodb.DynamoOrganizationStore;
import cn.bijie.innovation.shared.store.dynamodb.Keys;
import cn.bijie.innovation.shared.http.ApiEvent.Answer;
import cn.bijie.innovation.shared.testing.ApiEvents.Claims;
import cn.bijie.innovation.shared.testing.CallCounter;
import cn.bijie.innovation.shared.testing.TestStack;
import java.time.Clock;
import java.util.UUID;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/** The organisations function against MiniStack, wired from template.yaml as on Lambda. */
class OrganizationsHandlerIT {
    static final String PUT = "PUT /organizations/{uscc}";
    static final String GET = "GET /organizations/{uscc}";
    static final String BODY = """
            {"name":"毕节黔丰新材料科技有限公司","county":"520502","industry":"NEW_MATERIALS","contactEmail":"c@example.com"}
            """;

    static TestStack stack;
    static OrganizationsHandler handler;
    static DynamoDbClient dynamo;
    static CallCounter calls = new CallCounter();

    @BeforeAll
    static void wire() {
        stack = TestStack.shared();
        // the runtime's wiring, from the template's environment
        handler = new OrganizationsHandler(stack.environment("OrganizationsFunction"));
        dynamo = stack.dynamoDb();
    }

    /** A fresh valid USCC per test, so tests never meet each other's records. */
    static String newUscc() {
        String body = ("9152" + UUID.randomUUID().toString().replaceAll("[^0-9]", "") + "0000000000000").substring(0, 17);
        return body + cn.bijie.innovation.shared.uscc.Uscc.checkCharacter(body);
    }

    @Test
    void put_thenGet_shouldReturnTheStoredProfile_toTheOwner() {
        String uscc = newUscc();

        Answer put = invoke(handler, event(PUT, Claims.applicant(uscc), BODY, uscc));
        Answer get = invoke(handler, event(GET, Claims.applicant(uscc), null, uscc));

        assertThat(put.status()).isEqualTo(200);
        assertThat(get.status()).isEqualTo(200);
        assertThat(get.body().path("name").asText()).isEqualTo("毕节黔丰新材料科技有限公司");
        assertThat(get.body().path("uscc").asText()).isEqualTo(uscc);
        assertThat(get.body().has("growthTier")).isTrue();
        assertThat(get.body().path("updatedAt").asText()).isNotEmpty();
    }

    @Test
    void put_shouldLeaveAnAuditEntry_withBeforeAndAfter() {
        String uscc = newUscc();
        invoke(handler, event(PUT, Claims.applicant(uscc), BODY, uscc));
        invoke(handler, event(PUT, Claims.applicant(uscc), BODY.replace("520502", "520521"), uscc));

        var audit = dynamo.query(r -> r.tableName(stack.table())
                .keyConditionExpression("PK = :pk AND begins_with(SK, :a)")
                .expressionAttributeValues(java.util.Map.of(
                        ":pk", software.amazon.awssdk.services.dynamodb.model.AttributeValue.fromS(Keys.organizationPk(uscc)),
                        ":a", software.amazon.awssdk.services.dynamodb.model.AttributeValue.fromS("AUDIT#")))).items();

        assertThat(audit).hasSize(2);
        assertThat(audit).extracting(i -> i.get("action").s())
                .containsExactlyInAnyOrder("ORGANIZATION_CREATED", "ORGANIZATION_UPDATED");
        assertThat(audit).anySatisfy(i -> {
            assertThat(i.get("before").s()).contains("520502");
            assertThat(i.get("after").s()).contains("520521");
            assertThat(i.get("actor").s()).isEqualTo("applicant-" + uscc);
        });
    }

    @Test
    void get_isNotFound_forAnotherOrganisationsApplicant_exactlyLikeAMissingOne() {
        String uscc = newUscc();
        invoke(handler, event(PUT, Claims.applicant(uscc), BODY, uscc));

        Answer other = invoke(handler, event(GET, Claims.applicant(newUscc()), null, uscc));
        Answer missing = invoke(handler, event(GET, Claims.of("staff"), null, newUscc()));

        assertThat(other.status()).isEqualTo(404);
        assertThat(other.errorCode()).isEqualTo("NOT_FOUND");
        assertThat(missing.status()).isEqualTo(404);
        assertThat(other.body().path("error").path("message")).isEqualTo(missing.body().path("error").path("message"));
    }

    @Test
    void get_isAllowed_forStaffFinanceAndSupervisor() {
        String uscc = newUscc();
        invoke(handler, event(PUT, Claims.of("staff"), BODY, uscc));

        for (String role : new String[] {"staff", "finance", "supervisor"}) {
            assertThat(invoke(handler, event(GET, Claims.of(role), null, uscc)).status()).as(role).isEqualTo(200);
        }
    }

    @Test
    void put_isForbidden_forFinanceAndSupervisor_andWritesNothing() {
        String uscc = newUscc();
        int before = stack.countItems(dynamo);

        assertThat(invoke(handler, event(PUT, Claims.of("finance"), BODY, uscc)).status()).isEqualTo(403);
        assertThat(invoke(handler, event(PUT, Claims.of("supervisor"), BODY, uscc)).status()).isEqualTo(403);
        assertThat(stack.countItems(dynamo)).isEqualTo(before);
    }

    @Test
    void badInput_isA400_inTheErrorShape_andWritesNothing() {
        String uscc = newUscc();
        int before = stack.countItems(dynamo);

        Answer badUscc = invoke(handler, event(PUT, Claims.of("staff"), BODY, "91520500MA6DKQ5X36"));
        Answer malformed = invoke(handler, event(PUT, Claims.applicant(uscc), "{\"name\":", uscc));
        Answer unknownCounty = invoke(handler, event(PUT, Claims.applicant(uscc), BODY.replace("520502", "110101"), uscc));
        Answer unknownField = invoke(handler, event(PUT, Claims.applicant(uscc),
                BODY.replace("}", ",\"owner\":\"x\"}"), uscc));

        assertThat(badUscc.status()).isEqualTo(400);
        assertThat(badUscc.body().path("error").path("details").get(0).path("field").asText()).isEqualTo("uscc");
        assertThat(malformed.errorCode()).isEqualTo("VALIDATION_FAILED");
        assertThat(unknownCounty.body().path("error").path("details").get(0).path("field").asText()).isEqualTo("county");
        assertThat(unknownField.body().path("error").path("details").get(0).path("field").asText()).isEqualTo("owner");
        assertThat(stack.countItems(dynamo)).isEqualTo(before);
    }

    @Test
    void get_makesOneDynamoDbCall_andPutMakesARead_andOneTransaction() {
        String uscc = newUscc();
        var counted = new OrganizationsHandler(new OrganizationService(
                new DynamoOrganizationStore(stack.dynamoDb(calls), stack.table()), Policy.active(),
                new PageToken(TestStack.PAGE_TOKEN_SECRET), Clock.systemUTC()),
                new NotificationService(new DynamoNotificationStore(stack.dynamoDb(calls), stack.table()),
                        new PageToken(TestStack.PAGE_TOKEN_SECRET)));

        calls.reset();
        invoke(counted, event(PUT, Claims.applicant(uscc), BODY, uscc));
        assertThat(calls.operations()).containsExactly("GetItem", "TransactWriteItems");

        calls.reset();
        invoke(counted, event(GET, Claims.applicant(uscc), null, uscc));
        assertThat(calls.operations()).containsExactly("GetItem");
    }

    @Test
    void priming_runsBothRoutesAndTheWritePath_andWritesNothing() {
        int before = stack.countItems(dynamo);
        new OrganizationsHandler(stack.environment("OrganizationsFunction")); // registers the SnapStart priming

        int ran = Priming.primeAll();

        assertThat(ran).isGreaterThanOrEqualTo(2);
        assertThat(stack.countItems(dynamo)).isEqualTo(before);
    }
}
