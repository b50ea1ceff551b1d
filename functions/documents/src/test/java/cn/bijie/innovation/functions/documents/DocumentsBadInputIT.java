package cn.bijie.innovation.functions.documents;

import static cn.bijie.innovation.functions.documents.DocumentsFixture.pdf;
import static cn.bijie.innovation.functions.documents.DocumentsFixture.staff;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.params.provider.Arguments.arguments;

import cn.bijie.innovation.shared.application.ApplicationStatus;
import cn.bijie.innovation.shared.http.ApiEvent;
import cn.bijie.innovation.shared.http.ApiEvent.Answer;
import cn.bijie.innovation.shared.testing.ApiEvents;
import java.util.function.Supplier;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Bad input to the document routes: the right 4xx in the error shape, and no item written. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class DocumentsBadInputIT {
    DocumentsFixture stack;
    String open;
    String withdrawn;
    String theirs;
    String notUploaded;

    @BeforeAll
    void applications() {
        stack = new DocumentsFixture();
        open = stack.application(stack.own, ApplicationStatus.SUBMITTED);
        withdrawn = stack.application(stack.own, ApplicationStatus.WITHDRAWN);
        theirs = stack.application(stack.other, ApplicationStatus.SUBMITTED);
        notUploaded = valid().invoke(stack.handler).body().path("documentId").asText();
    }

    Stream<Arguments> cases() {
        return Stream.of(
                arguments("over 20 MiB", (Supplier<ApiEvent>) () -> valid().bodyField("sizeBytes", "20971521"), 413,
                        null),
                arguments("0 bytes", (Supplier<ApiEvent>) () -> valid().bodyField("sizeBytes", "0"), 400, "sizeBytes"),
                arguments("size as a string", (Supplier<ApiEvent>) () -> valid().bodyField("sizeBytes", "\"12\""), 400,
                        "sizeBytes"),
                arguments("size as a fraction", (Supplier<ApiEvent>) () -> valid().bodyField("sizeBytes", "1.5"), 400,
                        "sizeBytes"),
                arguments("a zip file", (Supplier<ApiEvent>) () -> valid().bodyField("contentType",
                        "\"application/zip\""), 400, "contentType"),
                arguments("an unknown category", (Supplier<ApiEvent>) () -> valid().bodyField("category",
                        "\"PHOTO\""), 400, "category"),
                arguments("a sha256 of hex", (Supplier<ApiEvent>) () -> valid().bodyField("sha256",
                        "\"" + "ab".repeat(32) + "\""), 400, "sha256"),
                arguments("a path in the file name", (Supplier<ApiEvent>) () -> valid().bodyField("fileName",
                        "\"../../etc/passwd\""), 400, "fileName"),
                arguments("a missing file name", (Supplier<ApiEvent>) () -> valid().bodyField("fileName", null), 400,
                        "fileName"),
                arguments("an unknown field", (Supplier<ApiEvent>) () -> valid().bodyField("objectKey", "\"x\""), 400,
                        "objectKey"),
                arguments("malformed JSON", (Supplier<ApiEvent>) () -> valid().body("{"), 400, "body"),
                arguments("another organisation's application", (Supplier<ApiEvent>) () -> valid()
                        .path("applicationId", theirs), 404, null),
                arguments("a withdrawn application", (Supplier<ApiEvent>) () -> valid()
                        .path("applicationId", withdrawn), 409, null),
                arguments("staff declaring a document", (Supplier<ApiEvent>) () -> staff(valid()), 403, null),
                arguments("finance listing documents", (Supplier<ApiEvent>) () -> ApiEvents.sample("list-documents.json")
                        .as("u-fin", null, "finance").path("applicationId", open), 403, null),
                arguments("listing another organisation's documents", (Supplier<ApiEvent>) () -> stack.owner(
                        ApiEvents.sample("list-documents.json")).path("applicationId", theirs), 404, null),
                arguments("downloading before the upload", (Supplier<ApiEvent>) () -> stack.owner(
                        ApiEvents.sample("get-document.json")).path("applicationId", open)
                        .path("documentId", notUploaded), 409, null),
                arguments("downloading another organisation's document", (Supplier<ApiEvent>) () -> ApiEvents
                        .sample("get-document.json").as("u-other", stack.other, "applicant").path("applicationId", open)
                        .path("documentId", notUploaded), 404, null),
                arguments("a document id of another shape", (Supplier<ApiEvent>) () -> stack.owner(
                        ApiEvents.sample("get-document.json")).path("applicationId", open)
                        .path("documentId", "DOC#1"), 404, null));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void badInput_answersItsFourHundred_andChangesNothing(String name, Supplier<ApiEvent> event, int status,
            String field) {
        int before = stack.itemCount();

        Answer reply = event.get().invoke(stack.handler);

        assertThat(reply.status()).as(reply.rawBody()).isEqualTo(status);
        assertThat(reply.body().path("error").path("code").asText()).isNotBlank();
        assertThat(reply.body().path("error").path("message").asText()).isNotBlank();
        if (field != null) {
            assertThat(reply.body().path("error").path("details")).extracting(d -> d.path("field").asText())
                    .contains(field);
        }
        assertThat(stack.itemCount()).as("items in the table").isEqualTo(before);
    }

    private ApiEvent valid() {
        return stack.declare(open, "证书.pdf", pdf("x"), "application/pdf");
    }
}
