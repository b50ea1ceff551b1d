package cn.bijie.innovation.shared.aws;

import cn.bijie.innovation.shared.mail.Mail;
import cn.bijie.innovation.shared.mail.Mailer;
import cn.bijie.innovation.shared.mail.SendResult;
import java.nio.charset.StandardCharsets;
import software.amazon.awssdk.core.exception.SdkClientException;
import software.amazon.awssdk.core.exception.SdkServiceException;
import software.amazon.awssdk.services.sesv2.SesV2Client;
import software.amazon.awssdk.services.sesv2.model.BadRequestException;
import software.amazon.awssdk.services.sesv2.model.Body;
import software.amazon.awssdk.services.sesv2.model.Content;
import software.amazon.awssdk.services.sesv2.model.MessageRejectedException;
import software.amazon.awssdk.services.sesv2.model.MessageTag;
import software.amazon.awssdk.services.sesv2.model.SendEmailRequest;

/**
 * SES v2 adapter: a simple message with text and HTML bodies, all parts {@code Charset UTF-8}, from the one verified
 * sender. Only the send-reminders function loads this class (the SES SDK is an optional dependency of shared).
 */
public final class SesMailer implements Mailer {
    private static final String CHARSET = StandardCharsets.UTF_8.name();
    /** The message tag naming the organisation a mail is for (read back by the mail-feedback function). */
    public static final String ORGANIZATION_TAG = "organization";

    private final SesV2Client ses;
    private final String sender;

    public SesMailer(SesV2Client ses, String sender) {
        this.ses = ses;
        this.sender = sender;
    }

    @Override
    public SendResult send(Mail mail) {
        SendEmailRequest.Builder builder = SendEmailRequest.builder();
        if (mail.organization() != null) {
            builder.emailTags(MessageTag.builder().name(ORGANIZATION_TAG).value(mail.organization()).build());
        }
        SendEmailRequest request = builder
                .fromEmailAddress(sender)
                .destination(d -> d.toAddresses(mail.to()))
                .content(c -> c.simple(m -> m
                        .subject(utf8(mail.subject()))
                        .body(Body.builder().text(utf8(mail.text())).html(utf8(mail.html())).build())))
                .build();
        try {
            return new SendResult.Accepted(ses.sendEmail(request).messageId());
        } catch (RuntimeException e) {
            return classify(e, sender);
        }
    }

    /**
     * Which outcome a failed send is. SES names the identities that failed its check in a {@code MessageRejected}:
     * when that is our own sender the whole run is misconfigured, otherwise the recipient was refused.
     */
    static SendResult classify(RuntimeException e, String sender) {
        String reason = e.getClass().getSimpleName() + ": " + e.getMessage();
        if (e instanceof MessageRejectedException) {
            return String.valueOf(e.getMessage()).contains(sender)
                    ? new SendResult.Failed(reason) : new SendResult.Rejected(reason);
        }
        if (e instanceof BadRequestException) {
            // the request is ours and fixed; what varies per mail is the address, e.g. "Illegal address"
            return new SendResult.Rejected(reason);
        }
        if (e instanceof SdkServiceException service) {
            return service.isThrottlingException() || service.statusCode() >= 500
                    ? new SendResult.Retryable(reason) : new SendResult.Failed(reason);
        }
        if (e instanceof SdkClientException) {
            return new SendResult.Failed(reason);
        }
        throw e;
    }

    private static Content utf8(String data) {
        return Content.builder().data(data).charset(CHARSET).build();
    }
}
