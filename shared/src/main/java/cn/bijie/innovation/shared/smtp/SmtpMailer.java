package cn.bijie.innovation.shared.smtp;

import cn.bijie.innovation.shared.json.Json;
import cn.bijie.innovation.shared.mail.Mail;
import cn.bijie.innovation.shared.mail.Mailer;
import cn.bijie.innovation.shared.mail.SendResult;
import com.fasterxml.jackson.databind.JsonNode;
import jakarta.mail.AuthenticationFailedException;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.SendFailedException;
import jakarta.mail.Session;
import jakarta.mail.Transport;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeBodyPart;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeMultipart;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Date;
import java.util.Properties;
import org.eclipse.angus.mail.smtp.SMTPAddressFailedException;
import org.eclipse.angus.mail.smtp.SMTPSendFailedException;
import software.amazon.awssdk.services.secretsmanager.SecretsManagerClient;

/**
 * The mail port over an SMTP relay, where SES does not exist (the AWS China regions): multipart/alternative text and
 * HTML, UTF-8, from the one sender; STARTTLS required unless told otherwise (a local test server). The relay's
 * credentials come from a Secrets Manager secret {@code {"username","password"}}, read once when the adapter is made.
 * Only the send-reminders function loads this class (Angus Mail and the Secrets Manager SDK are optional in shared).
 */
public final class SmtpMailer implements Mailer {
    private static final String CHARSET = StandardCharsets.UTF_8.name();

    private final Session session;
    private final String sender;
    private final String username;
    private final String password;

    public SmtpMailer(String host, int port, boolean requireStartTls, String username, String password, String sender) {
        Properties p = new Properties();
        p.put("mail.transport.protocol", "smtp");
        p.put("mail.smtp.host", host);
        p.put("mail.smtp.port", Integer.toString(port));
        p.put("mail.smtp.auth", "true");
        p.put("mail.smtp.starttls.enable", Boolean.toString(requireStartTls));
        p.put("mail.smtp.starttls.required", Boolean.toString(requireStartTls));
        p.put("mail.smtp.connectiontimeout", "10000");
        p.put("mail.smtp.timeout", "20000");
        p.put("mail.smtp.writetimeout", "20000");
        // one recipient per mail: a refused address fails this send only
        p.put("mail.smtp.sendpartial", "false");
        this.session = Session.getInstance(p);
        this.sender = sender;
        this.username = username;
        this.password = password;
    }

    /** The adapter with the relay's credentials read from the secret {@code secretArn}. */
    public static SmtpMailer fromSecret(SecretsManagerClient secrets, String secretArn, String host, int port,
            boolean requireStartTls, String sender) {
        JsonNode secret;
        try {
            secret = Json.MAPPER.readTree(secrets.getSecretValue(r -> r.secretId(secretArn)).secretString());
        } catch (IOException e) {
            throw new IllegalStateException("the SMTP secret is not JSON {\"username\",\"password\"}", e);
        }
        String username = secret.path("username").asText(null);
        String password = secret.path("password").asText(null);
        if (username == null || password == null) {
            throw new IllegalStateException("the SMTP secret lacks username or password");
        }
        return new SmtpMailer(host, port, requireStartTls, username, password, sender);
    }

    @Override
    public SendResult send(Mail mail) {
        try {
            MimeMessage message = new MimeMessage(session);
            message.setFrom(new InternetAddress(sender));
            message.setRecipient(Message.RecipientType.TO, new InternetAddress(mail.to(), true));
            message.setSubject(mail.subject(), CHARSET);
            message.setSentDate(new Date());
            MimeBodyPart text = new MimeBodyPart();
            text.setText(mail.text(), CHARSET, "plain");
            MimeBodyPart html = new MimeBodyPart();
            html.setText(mail.html(), CHARSET, "html");
            message.setContent(new MimeMultipart("alternative", text, html));
            message.saveChanges();
            Transport.send(message, username, password);
            return new SendResult.Accepted(message.getMessageID());
        } catch (MessagingException e) {
            return classify(e);
        }
    }

    /** Which outcome a failed send is; the reason names the SMTP reply code, never the recipient's address. */
    static SendResult classify(MessagingException e) {
        if (e instanceof jakarta.mail.internet.AddressException) {
            return new SendResult.Rejected("AddressException: not an e-mail address");
        }
        if (e instanceof AuthenticationFailedException) {
            return new SendResult.Failed("AuthenticationFailedException: the relay refused the credentials");
        }
        Exception next = e instanceof SendFailedException ? (Exception) e.getNextException() : null;
        if (next instanceof SMTPAddressFailedException refused) {
            return refused.getReturnCode() >= 500 ? new SendResult.Rejected("SMTP " + refused.getReturnCode())
                    : new SendResult.Retryable("SMTP " + refused.getReturnCode());
        }
        if (e instanceof SMTPSendFailedException failed) {
            return failed.getReturnCode() >= 400 && failed.getReturnCode() < 500
                    ? new SendResult.Retryable("SMTP " + failed.getReturnCode())
                    : new SendResult.Failed("SMTP " + failed.getReturnCode());
        }
        return new SendResult.Failed(e.getClass().getSimpleName() + ": the relay could not be used");
    }
}
