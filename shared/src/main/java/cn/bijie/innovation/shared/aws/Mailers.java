package cn.bijie.innovation.shared.aws;

import cn.bijie.innovation.shared.config.Config;
import cn.bijie.innovation.shared.mail.Mailer;
import cn.bijie.innovation.shared.smtp.SmtpMailer;
import software.amazon.awssdk.services.sesv2.SesV2Client;

/** The mail transport a function's environment names: the same for every function that sends mail. */
public final class Mailers {
    private Mailers() {}

    /** SES where it exists; the SMTP relay where the template says so (MAIL_TRANSPORT, the AWS China regions). */
    public static Mailer of(Config config, SesV2Client ses) {
        if ("SMTP".equals(config.get("MAIL_TRANSPORT", "SES"))) {
            return SmtpMailer.fromSecret(new AwsClients(config).secretsManager(), config.require("SMTP_SECRET_ARN"),
                    config.require("SMTP_HOST"), Integer.parseInt(config.require("SMTP_PORT")), true,
                    config.require("SENDER_EMAIL"));
        }
        return new SesMailer(ses, config.require("SENDER_EMAIL"));
    }
}
