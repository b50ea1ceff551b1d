package cn.bijie.innovation.functions.applications;

import static cn.bijie.innovation.functions.applications.ApplicationsFixture.owner;
import static cn.bijie.innovation.functions.applications.ApplicationsFixture.staff;
import static cn.bijie.innovation.functions.applications.ApplicationsFixture.submit;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.params.provider.Arguments.arguments;

import cn.bijie.innovation.shared.http.ApiEvent;
import cn.bijie.innovation.shared.http.ApiEvent.Answer;
import cn.bijie.innovation.shared.testing.ApiEvents;
import cn.bijie.innovation.shared.testing.TestData;
import java.util.function.Supplier;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Bad input over HTTP events: each answers its 4xx in the error shape of API.md (never a 5xx), names the field where
 * there is one, and leaves the table exactly as it was.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class BadInputIT {
    static final String NO_PROFILE = TestData.newUscc();
    static final String MISSING = "0190f1e2-3a4b-7c5d-8e6f-0123456789ab";

    ApplicationsFixture stack;
    String own;
    String other;
    String mine;
    String withdrawn;
    String theirs;

    @BeforeAll
    void table() {
        stack = new ApplicationsFixture();
        own = stack.own;
        other = stack.other;
        mine = stack.submitted(own);
        withdrawn = stack.submitted(own);
        assertThat(withdrawal(withdrawn).invoke(stack.handler).status()).isEqualTo(200);
        theirs = stack.submitted(other);
    }

    Stream<Arguments> cases() {
        return Stream.of(
                // malformed bodies
                bad("malformed JSON", () -> submit(own).body("{\"uscc\":"), 400, "body"),
                bad("a JSON array", () -> submit(own).body("[]"), 400, "body"),
                bad("JSON null", () -> submit(own).body("null"), 400, "body"),
                bad("no body", () -> submit(own).body(null), 400, "body"),
                bad("trailing garbage", () -> submit(own).body(submit(own).bodyTree() + "x"), 400, "body"),
                bad("a duplicated field", () -> submit(own).body("{\"kind\":\"MAKERSPACE\",\"kind\":\"MAKERSPACE\"}"),
                        400, null),
                bad("over 64 KiB", () -> submit(own).bodyField("notes", "\"" + "很".repeat(23000) + "\""), 413,
                        null),
                // wrong types
                bad("uscc as a number", () -> submit(own).bodyField("uscc", "91520500"), 400, "uscc"),
                bad("renewal as a string", () -> submit(own).bodyField("renewal", "\"false\""), 400, "renewal"),
                bad("renewal as a number", () -> submit(own).bodyField("renewal", "0"), 400, "renewal"),
                bad("kind as an object", () -> submit(own).bodyField("kind", "{\"code\":\"MAKERSPACE\"}"), 400,
                        "kind"),
                bad("issuedOn as a number", () -> submit(own).bodyField("issuedOn", "20261020"), 400, "issuedOn"),
                bad("notes as an array", () -> submit(own).bodyField("notes", "[\"a\"]"), 400, "notes"),
                // missing and unknown fields
                bad("missing kind", () -> submit(own).bodyField("kind", null), 400, "kind"),
                bad("missing level", () -> submit(own).bodyField("level", null), 400, "level"),
                bad("missing renewal", () -> submit(own).bodyField("renewal", null), 400, "renewal"),
                bad("missing certificateNo", () -> submit(own).bodyField("certificateNo", null), 400,
                        "certificateNo"),
                bad("blank platformName", () -> submit(own).bodyField("platformName", "\"   \""), 400,
                        "platformName"),
                bad("an unknown field", () -> submit(own).bodyField("amountYuan", "100000"), 400, "amountYuan"),
                bad("status sent by the client", () -> submit(own).bodyField("status", "\"CERTIFIED\""), 400,
                        "status"),
                // bad values
                bad("a USCC with a wrong check character", () -> submit(own).bodyField("uscc",
                        "\"91520500MA6DKQ5X36\""), 400, "uscc"),
                bad("a USCC too short", () -> submit(own).bodyField("uscc", "\"9152050\""), 400, "uscc"),
                bad("an unknown kind", () -> submit(own).bodyField("kind", "\"STEEL_MILL\""), 400, "kind"),
                bad("an unknown level", () -> submit(own).bodyField("level", "\"COUNTY\""), 400, "level"),
                bad("HIGH_TECH_ENTERPRISE at PROVINCIAL level", () -> submit(own).bodyField("level",
                        "\"PROVINCIAL\""), 400, "level"),
                bad("renewal of a key laboratory", () -> submit(own).bodyField("kind", "\"KEY_LABORATORY\"")
                        .bodyField("renewal", "true"), 400, "renewal"),
                bad("issuedOn in the future", () -> submit(own).bodyField("issuedOn", "\"2999-01-01\""), 400,
                        "issuedOn"),
                bad("issuedOn no real date", () -> submit(own).bodyField("issuedOn", "\"2026-02-30\""), 400,
                        "issuedOn"),
                bad("issuedOn in another format", () -> submit(own).bodyField("issuedOn", "\"2026/10/20\""), 400,
                        "issuedOn"),
                bad("platformName over 100 characters", () -> submit(own).bodyField("platformName",
                        "\"" + "企".repeat(101) + "\""), 400, "platformName"),
                bad("notes over 1000 characters", () -> submit(own).bodyField("notes", "\"" + "x".repeat(1001)
                        + "\""), 400, "notes"),
                bad("an Idempotency-Key over 128 characters", () -> submit(own).header("idempotency-key",
                        "k".repeat(129)), 400, "Idempotency-Key"),
                bad("an Idempotency-Key with a control character", () -> submit(own).header("idempotency-key",
                        "a\u0001b"), 400, "Idempotency-Key"),
                // callers and roles
                bad("no verified caller", () -> submit(own).anonymous(), 401, null),
                bad("staff submitting", () -> staff(submit(own)), 403, null),
                bad("supervisor submitting", () -> submit(own).as("u-sup", null, "supervisor"), 403, null),
                bad("an applicant applying for another organisation", () -> submit(other).as("u-own", own,
                        "applicant"), 403, null),
                bad("an organisation without a profile", () -> submit(NO_PROFILE), 409, null),
                bad("a caller with no known group", () -> list().as("u-x", null, "visitor"), 403, null),
                // lists
                bad("limit 0", () -> staff(list()).query("limit", "0"), 400, "limit"),
                bad("limit 101", () -> staff(list()).query("limit", "101"), 400, "limit"),
                bad("limit not a number", () -> staff(list()).query("limit", "ten"), 400, "limit"),
                bad("an unknown status filter", () -> staff(list()).query("status", "APPROVED"), 400, "status"),
                bad("an unknown county filter", () -> staff(list()).query("county", "110101"), 400, "county"),
                bad("an unknown kind filter", () -> staff(list()).query("kind", "STEEL_MILL"), 400, "kind"),
                bad("a forged nextToken", () -> staff(list()).query("nextToken", "eyJQSyI6IkFQUCMxIn0.c2ln"), 400,
                        "nextToken"),
                bad("a nextToken that is no token", () -> staff(list()).query("nextToken", "%%%"), 400,
                        "nextToken"),
                // other organisations' ids, missing ids
                bad("reading another organisation's application", () -> get(theirs), 404, null),
                bad("reading a missing application", () -> get(MISSING), 404, null),
                bad("reading an id of another shape", () -> get("x".repeat(3000)), 404, null),
                bad("correcting another organisation's application", () -> correction(theirs, other), 404, null),
                bad("withdrawing another organisation's application", () -> withdrawal(theirs), 404, null),
                bad("withdrawing a missing application", () -> withdrawal(MISSING), 404, null),
                // illegal transitions and roles on an existing application
                bad("correcting a SUBMITTED application", () -> correction(mine, own), 409, null),
                bad("correcting a WITHDRAWN application", () -> correction(withdrawn, own), 409, null),
                bad("withdrawing a WITHDRAWN application", () -> withdrawal(withdrawn), 409, null),
                bad("moving an application to another organisation", () -> correction(mine, other), 400, "uscc"),
                bad("staff withdrawing an application", () -> staff(withdrawal(mine)), 403, null),
                bad("staff correcting an application", () -> staff(correction(mine, own)), 403, null),
                bad("a route this function does not serve", () -> get(mine).route("DELETE /applications/{applicationId}"),
                        404, null));
    }

    @Test
    void theTableHasAtLeastFortyCases() {
        assertThat(cases().count()).isGreaterThanOrEqualTo(40);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void badInput_answersItsFourHundred_andChangesNothing(String name, Supplier<ApiEvent> event, int status,
            String code, String field) {
        int before = stack.itemCount();

        Answer reply = event.get().invoke(stack.handler);

        assertThat(reply.status()).as(reply.rawBody()).isEqualTo(status);
        assertThat(reply.body().path("error").path("code").asText()).isEqualTo(code);
        assertThat(reply.body().path("error").path("message").asText()).isNotBlank();
        assertThat(reply.body().path("error").path("details").isArray()).isTrue();
        if (field != null) {
            assertThat(reply.body().path("error").path("details")).extracting(d -> d.path("field").asText())
                    .contains(field);
        }
        assertThat(stack.itemCount()).as("items in the table").isEqualTo(before);
    }

    private static Arguments bad(String name, Supplier<ApiEvent> event, int status, String field) {
        String code = switch (status) {
            case 400 -> "VALIDATION_FAILED";
            case 401 -> "UNAUTHENTICATED";
            case 403 -> "FORBIDDEN";
            case 404 -> "NOT_FOUND";
            case 409 -> "CONFLICT";
            case 413 -> "PAYLOAD_TOO_LARGE";
            default -> throw new IllegalArgumentException("no code for " + status);
        };
        return arguments(name, event, status, code, field);
    }

    private static ApiEvent list() {
        return ApiEvents.sample("list-applications.json").query("status", null).query("county", null);
    }

    private ApiEvent get(String id) {
        return owner(ApiEvents.sample("get-application.json"), own).path("applicationId", id);
    }

    private ApiEvent correction(String id, String uscc) {
        return owner(ApiEvents.sample("correct-application.json"), own).path("applicationId", id)
                .header("idempotency-key", null).bodyField("uscc", "\"" + uscc + "\"");
    }

    private ApiEvent withdrawal(String id) {
        return owner(ApiEvents.sample("withdraw-application.json"), own).path("applicationId", id)
                .header("idempotency-key", null);
    }
}
