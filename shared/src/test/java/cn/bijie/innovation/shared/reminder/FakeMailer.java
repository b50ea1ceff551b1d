package cn.bijie.innovation.shared.reminder;

import cn.bijie.innovation.shared.mail.Mail;
import cn.bijie.innovation.shared.mail.Mailer;
import cn.bijie.innovation.shared.mail.SendResult;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;

/** Accepts every mail unless told what to answer next; remembers what it accepted and how often it was called. */
final class FakeMailer implements Mailer {
    final List<Mail> accepted = new ArrayList<>();
    final Deque<SendResult> next = new ArrayDeque<>();
    SendResult always;
    int calls;

    @Override
    public SendResult send(Mail mail) {
        calls++;
        SendResult result = !next.isEmpty() ? next.poll() : always != null ? always
                : new SendResult.Accepted("m-" + calls);
        if (result instanceof SendResult.Accepted) {
            accepted.add(mail);
        }
        return result;
    }

    List<Mail> to(String address) {
        return accepted.stream().filter(m -> m.to().equals(address)).toList();
    }
}
