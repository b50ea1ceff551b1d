package cn.bijie.innovation.shared.aws;

import static org.assertj.core.api.Assertions.assertThat;

import cn.bijie.innovation.shared.mail.SendResult;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.core.exception.SdkClientException;
import software.amazon.awssdk.services.sesv2.model.AccountSuspendedException;
import software.amazon.awssdk.services.sesv2.model.BadRequestException;
import software.amazon.awssdk.services.sesv2.model.MessageRejectedException;
import software.amazon.awssdk.services.sesv2.model.SesV2Exception;
import software.amazon.awssdk.services.sesv2.model.TooManyRequestsException;

/** Which outcome each SES failure is: retry now, record the address as refused, or leave for a later run. */
class SesMailerTest {
    static final String SENDER = "noreply@kjj.example.cn";

    @Test
    void classify_isRetryable_whenThrottled() {
        var throttled = TooManyRequestsException.builder().statusCode(429).message("Too many requests").build();

        assertThat(SesMailer.classify(throttled, SENDER)).isInstanceOf(SendResult.Retryable.class);
    }

    @Test
    void classify_isRetryable_forAServerError() {
        var serverError = SesV2Exception.builder().statusCode(503).message("unavailable").build();

        assertThat(SesMailer.classify(serverError, SENDER)).isInstanceOf(SendResult.Retryable.class);
    }

    @Test
    void classify_isRejected_whenSesRefusesTheRecipient() {
        var refused = MessageRejectedException.builder().statusCode(400).message(
                "Email address is not verified. The following identities failed the check: someone@example.com").build();

        assertThat(SesMailer.classify(refused, SENDER)).isInstanceOf(SendResult.Rejected.class);
        assertThat(SesMailer.classify(BadRequestException.builder().statusCode(400).message("Illegal address").build(),
                SENDER)).isInstanceOf(SendResult.Rejected.class);
    }

    @Test
    void classify_isFailed_whenSesRefusesOurSender_soNothingIsRecordedAgainstTheRecipient() {
        var refused = MessageRejectedException.builder().statusCode(400).message(
                "Email address is not verified. The following identities failed the check: " + SENDER).build();

        assertThat(SesMailer.classify(refused, SENDER)).isInstanceOf(SendResult.Failed.class);
        assertThat(SesMailer.classify(AccountSuspendedException.builder().statusCode(400).message("suspended").build(),
                SENDER)).isInstanceOf(SendResult.Failed.class);
    }

    @Test
    void classify_isFailed_whenSesCannotBeReached() {
        var unreachable = SdkClientException.create("Unable to execute HTTP request: Connection refused");

        assertThat(SesMailer.classify(unreachable, SENDER)).isInstanceOf(SendResult.Failed.class);
    }
}
