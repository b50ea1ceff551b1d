package cn.bijie.innovation.shared.smtp;

import static org.assertj.core.api.Assertions.assertThat;

import cn.bijie.innovation.shared.mail.Mail;
import cn.bijie.innovation.shared.mail.SendResult;
import cn.bijie.innovation.shared.testing.ProjectRoot;
import cn.bijie.innovation.shared.testing.TestStack;
import jakarta.mail.Session;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeMultipart;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Properties;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.services.secretsmanager.SecretsManagerClient;

/**
 * The SMTP path of the mail port end to end, as the China regions run it: the relay's credentials read from a
 * Secrets Manager secret (MiniStack), the mail sent through a real SMTP server with AUTH (aiosmtpd from the project's
 * .venv, started here) and read back as the relay received it.
 */
class SmtpMailerIT {
    static final String SENDER = "noreply@kjj.bijie.gov.cn";
    static final String USER = "bijie-relay";
    static final String PASSWORD = "relay-" + UUID.randomUUID();

    @TempDir
    static Path inbox;
    static Process server;
    static int port;
    static SecretsManagerClient secrets;
    static String secretArn;

    @BeforeAll
    static void relayAndSecret() throws Exception {
        port = freePort();
        Path script = Path.of(SmtpMailerIT.class.getResource("/smtp/smtp_server.py").toURI());
        server = new ProcessBuilder(ProjectRoot.path().resolve(".venv/bin/python").toString(), script.toString(),
                Integer.toString(port), inbox.toString(), USER, PASSWORD)
                .redirectError(ProcessBuilder.Redirect.INHERIT).start();
        BufferedReader out = new BufferedReader(new InputStreamReader(server.getInputStream(), StandardCharsets.UTF_8));
        assertThat(out.readLine()).as("the SMTP server started").isEqualTo("ready");

        secrets = TestStack.shared().clients("SendRemindersFunction").secretsManager();
        secretArn = secret("{\"username\":\"" + USER + "\",\"password\":\"" + PASSWORD + "\"}");
    }

    @AfterAll
    static void stop() throws InterruptedException {
        if (server != null) {
            server.destroy();
            server.waitFor(10, TimeUnit.SECONDS);
        }
    }

    @Test
    void aMailGoesThroughTheRelay_withTheSecretsCredentials_asUtf8TextAndHtml() throws Exception {
        SmtpMailer mailer = SmtpMailer.fromSecret(secrets, secretArn, "127.0.0.1", port, false, SENDER);

        SendResult result = mailer.send(new Mail("contact@example.com", "【毕节市科技局】高新技术企业证书将于90天后到期",
                "毕节黔丰新材料科技有限公司：您的证书 GR202652000123 将于 2029-11-02 到期。",
                "<p>毕节黔丰新材料科技有限公司：您的证书 <b>GR202652000123</b> 将于 2029-11-02 到期。</p>"));

        assertThat(result).isInstanceOf(SendResult.Accepted.class);
        Path eml = onlyMessage();
        assertThat(Files.readAllLines(Path.of(eml.toString().replace(".eml", ".rcpt"))))
                .containsExactly(SENDER, "contact@example.com");
        MimeMessage received;
        try (InputStream in = Files.newInputStream(eml)) {
            received = new MimeMessage(Session.getInstance(new Properties()), in);
        }
        assertThat(received.getSubject()).isEqualTo("【毕节市科技局】高新技术企业证书将于90天后到期");
        assertThat(received.getMessageID()).isEqualTo(((SendResult.Accepted) result).messageId());
        MimeMultipart parts = (MimeMultipart) received.getContent();
        assertThat(parts.getContentType()).startsWith("multipart/alternative");
        assertThat(parts.getBodyPart(0).getContentType()).contains("text/plain").containsIgnoringCase("utf-8");
        assertThat(parts.getBodyPart(0).getContent()).asString().contains("毕节黔丰新材料科技有限公司");
        assertThat(parts.getBodyPart(1).getContentType()).contains("text/html");
        assertThat(parts.getBodyPart(1).getContent()).asString().contains("<b>GR202652000123</b>");
    }

    @Test
    void aRefusedRecipientIsRejected_wrongCredentialsOrNoRelayFailTheRun_andNoneNamesTheAddress() throws Exception {
        SmtpMailer good = SmtpMailer.fromSecret(secrets, secretArn, "127.0.0.1", port, false, SENDER);
        SmtpMailer wrongPassword = SmtpMailer.fromSecret(secrets,
                secret("{\"username\":\"" + USER + "\",\"password\":\"wrong\"}"), "127.0.0.1", port, false, SENDER);
        SmtpMailer noRelay = new SmtpMailer("127.0.0.1", freePort(), false, USER, PASSWORD, SENDER);
        Mail toRefused = new Mail("nobody@refused.example.org", "提醒", "text", "<p>html</p>");
        Mail toContact = new Mail("contact@example.com", "提醒", "text", "<p>html</p>");

        List<SendResult> results = List.of(good.send(toRefused), wrongPassword.send(toContact), noRelay.send(toContact));

        assertThat(results.get(0)).isInstanceOf(SendResult.Rejected.class);
        assertThat(results.get(1)).isInstanceOf(SendResult.Failed.class);
        assertThat(results.get(2)).isInstanceOf(SendResult.Failed.class);
        assertThat(results).allSatisfy(r -> assertThat(r.toString()).doesNotContain("@"));
    }

    static String secret(String json) {
        return secrets.createSecret(r -> r.name("smtp-" + UUID.randomUUID()).secretString(json)).arn();
    }

    static Path onlyMessage() throws IOException, InterruptedException {
        for (int i = 0; i < 50; i++) {
            try (Stream<Path> files = Files.list(inbox)) {
                List<Path> emls = files.filter(f -> f.toString().endsWith(".eml")).toList();
                if (!emls.isEmpty()) {
                    assertThat(emls).hasSize(1);
                    return emls.get(0);
                }
            }
            Thread.sleep(100);
        }
        throw new AssertionError("the relay received nothing");
    }

    static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
