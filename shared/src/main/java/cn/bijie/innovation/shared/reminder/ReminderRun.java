package cn.bijie.innovation.shared.reminder;

import cn.bijie.innovation.shared.application.ApplicationStatus;
import cn.bijie.innovation.shared.certification.CertificationStatus;
import cn.bijie.innovation.shared.json.Json;
import cn.bijie.innovation.shared.log.Addresses;
import cn.bijie.innovation.shared.log.Log;
import cn.bijie.innovation.shared.mail.Mail;
import cn.bijie.innovation.shared.mail.Mailer;
import cn.bijie.innovation.shared.mail.SendResult;
import cn.bijie.innovation.shared.organization.Organization;
import cn.bijie.innovation.shared.organization.OrganizationStore;
import cn.bijie.innovation.shared.policy.Policy;
import cn.bijie.innovation.shared.retry.Retry;
import cn.bijie.innovation.shared.subsidy.SubsidyStatus;
import cn.bijie.innovation.shared.time.Shanghai;
import com.fasterxml.jackson.core.type.TypeReference;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.LongSupplier;
import java.util.function.Supplier;

/**
 * The daily reminder run for one date (the Asia/Shanghai date of the event's time): reads what the due index holds
 * from the last date it processed up to today, sends each expiry reminder at the nearest threshold crossed, expires
 * what has run out, and sends one digest per bureau mailbox. One item's failure is counted and never stops the rest.
 */
public final class ReminderRun {
    /** Throttled sends: tries in all, and the first pause (doubled each time, with jitter). */
    static final int SEND_ATTEMPTS = 5;
    static final Duration FIRST_BACKOFF = Duration.ofMillis(200);
    /** After this many mails in a row that the service failed, the rest of the run stops calling it. */
    static final int FAILURES_BEFORE_PAUSING_MAIL = 5;

    /** Waits between tries; tests pass one that only records. */
    public interface Pause {
        void sleep(Duration duration);
    }

    /** The bureau mailboxes the digests go to. */
    public record Mailboxes(String staff, String finance) {}

    private final ReminderStore store;
    private final OrganizationStore organizations;
    private final Mailer mailer;
    private final Policy policy;
    private final ReminderMails mails;
    private final Mailboxes mailboxes;
    private final Pause pause;
    private final LongSupplier itemsRead;
    private final List<Integer> thresholds;

    public ReminderRun(ReminderStore store, OrganizationStore organizations, Mailer mailer, Policy policy,
            Mailboxes mailboxes, Pause pause, LongSupplier itemsRead) {
        this.store = store;
        this.organizations = organizations;
        this.mailer = mailer;
        this.policy = policy;
        this.mails = new ReminderMails(policy);
        this.mailboxes = mailboxes;
        this.pause = pause;
        this.itemsRead = itemsRead;
        this.thresholds = policy.reminders().expiryThresholdDays().stream()
                .sorted(Comparator.reverseOrder()).toList();
    }

    public RunSummary run(Instant now) {
        return new Pass(now).run();
    }

    /** The state of one run. */
    private final class Pass {
        final Instant now;
        final LocalDate today;
        final long readBefore = itemsRead.getAsLong();
        final Set<String> seen = new HashSet<>();
        final List<Due.Application> waitingApplications = new ArrayList<>();
        final List<Due.Subsidy> unpaidSubsidies = new ArrayList<>();
        /** Organisations whose contact address is marked failing and had a reminder due: listed in the staff digest. */
        final Map<String, Organization> failingContacts = new LinkedHashMap<>();
        int sent, skipped, failed, rejected, suppressed, expired, dueItems, failuresInARow;

        Pass(Instant now) {
            this.now = now;
            this.today = Shanghai.dateOf(now);
        }

        RunSummary run() {
            // First run (or a replay of an earlier date): look back as far as the earliest reminder threshold.
            LocalDate from = store.lastRunDate().filter(last -> !last.isAfter(today))
                    .orElse(today.minusDays(thresholds.get(0)));
            // Newest date first: an item this run moves to today is then not read a second time.
            for (LocalDate date = today; !date.isBefore(from); date = date.minusDays(1)) {
                store.forEachDue(date, this::handle);
            }
            List<Organization> failing = List.copyOf(failingContacts.values());
            digest(Mailbox.STAFF, mailboxes.staff(), waitingApplications, !failing.isEmpty(),
                    () -> mails.staffDigest(mailboxes.staff(), waitingApplications, failing, today));
            digest(Mailbox.FINANCE, mailboxes.finance(), unpaidSubsidies, false,
                    () -> mails.financeDigest(mailboxes.finance(), unpaidSubsidies, today));
            RunSummary summary = new RunSummary(today.toString(), from.toString(), sent, skipped, failed, rejected,
                    expired, waitingApplications.size(), unpaidSubsidies.size(), dueItems,
                    itemsRead.getAsLong() - readBefore, suppressed, failing.size());
            store.recordRun(today, summary);
            Log.info("reminder run", fields(summary));
            return summary;
        }

        void handle(Due item) {
            if (!seen.add(item.ref().pk())) {
                return;
            }
            dueItems++;
            try {
                if (item instanceof Due.Certification c) {
                    certification(c);
                } else if (item instanceof Due.Application a) {
                    waiting(a, ApplicationStatus.SUBMITTED, a.submittedAt(),
                            policy.reminders().applicationWaitingDays(),
                            waitingApplications);
                } else if (item instanceof Due.Subsidy s) {
                    waiting(s, SubsidyStatus.AWAITING_PAYMENT, s.awaitingSince(),
                            policy.reminders().subsidyUnpaidDays(),
                            unpaidSubsidies);
                }
            } catch (RuntimeException e) {
                failed++;
                Log.error("reminder item failed", Map.of("item", item.ref().pk(),
                        "exception", e.getClass().getSimpleName(), "error", String.valueOf(e.getMessage())));
                retryLater(item);
            }
        }

        void certification(Due.Certification c) {
            if (c.expiresOn() == null || c.status() != CertificationStatus.ACTIVE) {
                store.reschedule(c, null); // revoked or already expired: nothing more is due
                skipped++;
            } else if (today.isAfter(c.expiresOn())) {
                // expiresOn is the last valid day: it expires the day after
                if (store.expire(c, now)) {
                    expired++;
                } else {
                    skipped++;
                }
            } else if (!policy.remindsBeforeExpiry(c.kind())) {
                store.reschedule(c, c.expiresOn().plusDays(1)); // other kinds get no reminders, only their expiry
                skipped++;
            } else {
                remind(c);
            }
        }

        void remind(Due.Certification c) {
            long daysLeft = ChronoUnit.DAYS.between(today, c.expiresOn());
            // After a gap only the nearest threshold crossed counts: the smallest one not below the days left.
            Optional<Integer> crossed = thresholds.stream().filter(t -> daysLeft <= t).reduce((a, b) -> b);
            if (crossed.isEmpty()) {
                store.reschedule(c, c.expiresOn().minusDays(thresholds.get(0)));
                skipped++;
                return;
            }
            int threshold = crossed.get();
            LocalDate next = thresholds.stream().filter(t -> t < threshold).findFirst()
                    .map(t -> c.expiresOn().minusDays(t)).orElse(c.expiresOn().plusDays(1));
            if (store.renewed(c)) {
                store.reschedule(c, c.expiresOn().plusDays(1)); // no reminders, but it still expires after its date
                skipped++;
                return;
            }
            Optional<Marker> marker = store.reminder(c.certificationId(), threshold);
            if (marker.filter(Marker::sent).isPresent()) {
                store.reschedule(c, next);
                skipped++;
                return;
            }
            Optional<Organization> org = organizations.find(c.uscc());
            String to = org.map(Organization::contactEmail).orElse("");
            if (marker.isPresent() && marker.get().to().equals(to)) {
                store.reschedule(c, next); // refused before at this address: not again until the address changes
                skipped++;
                return;
            }
            if (to.isEmpty()) {
                reject(c, threshold, next, to, "no organisation profile with a contact e-mail");
                return;
            }
            if (org.get().contactFails()) {
                // bounced or complained: nothing sent and nothing marked, so that the run after the organisation
                // corrects its address reminds at this threshold; until then staff see it in their digest
                store.reschedule(c, today.plusDays(1));
                failingContacts.putIfAbsent(c.uscc(), org.get());
                suppressed++;
                return;
            }
            SendResult result = send(mails.expiry(c, org.get(), today));
            if (result instanceof SendResult.Accepted accepted) {
                store.markReminder(c.certificationId(), threshold, new Marker(Marker.Outcome.SENT, to),
                        accepted.messageId(), now);
                store.reschedule(c, next);
                sent++;
            } else if (result instanceof SendResult.Rejected refused) {
                reject(c, threshold, next, to, refused.reason());
            } else {
                failed++;
                retryLater(c);
            }
        }

        void reject(Due.Certification c, int threshold, LocalDate next, String to, String reason) {
            store.markReminder(c.certificationId(), threshold, new Marker(Marker.Outcome.REJECTED, to), reason, now);
            store.reschedule(c, next);
            rejected++;
            Log.info("reminder refused", Map.of("certificationId", c.certificationId(), "threshold", threshold,
                    "reason", Addresses.redact(reason)));
        }

        /** A digest candidate: listed once it has waited long enough, gone from the index once it stopped waiting. */
        <T extends Due> void waiting(T item, Enum<?> waitingStatus, Instant since, int days, List<T> digest) {
            if (waitingStatus != item.status()) {
                store.reschedule(item, null);
            } else if (since.plus(Duration.ofDays(days)).isBefore(now)) {
                digest.add(item);
            } else {
                store.reschedule(item, today.plusDays(1));
            }
        }

        /**
         * One digest a day: the items listed stay due and come back tomorrow while they wait; when the mail
         * failed they stay due today, so that a second run today sends it.
         */
        void digest(Mailbox mailbox, String to, List<? extends Due> items, boolean moreToTell, Supplier<Mail> mail) {
            if (items.isEmpty() && !moreToTell) {
                return;
            }
            try {
                sendDigest(mailbox, to, items, mail);
            } catch (RuntimeException e) {
                failed++;
                Log.error("digest failed", Map.of("mailbox", mailbox.name(), "exception", e.getClass().getSimpleName(),
                        "error", String.valueOf(Addresses.redact(e.getMessage()))));
                items.forEach(this::retryLater);
            }
        }

        void sendDigest(Mailbox mailbox, String to, List<? extends Due> items, Supplier<Mail> mail) {
            LocalDate next = today.plusDays(1);
            if (store.digest(mailbox, today).isEmpty()) {
                SendResult result = send(mail.get());
                if (result instanceof SendResult.Accepted accepted) {
                    store.markDigest(mailbox, today, new Marker(Marker.Outcome.SENT, to), accepted.messageId(),
                            items.size(), now);
                    sent++;
                } else if (result instanceof SendResult.Rejected refused) {
                    store.markDigest(mailbox, today, new Marker(Marker.Outcome.REJECTED, to), refused.reason(),
                            items.size(), now);
                    rejected++;
                } else {
                    failed++;
                    next = today;
                }
            }
            for (Due item : items) {
                if (item.ref().dueOn().isBefore(next)) {
                    store.reschedule(item, next);
                }
            }
        }

        /** Keeps a failed item where the next run reads it (that run starts at today). */
        void retryLater(Due item) {
            if (item.ref().dueOn().isBefore(today)) {
                try {
                    store.reschedule(item, today);
                } catch (RuntimeException e) {
                    Log.error("reminder item not rescheduled", Map.of("item", item.ref().pk(),
                            "exception", e.getClass().getSimpleName()));
                }
            }
        }

        /** Throttling is tried again with growing pauses; a failing mail service is left alone for the rest of the run. */
        SendResult send(Mail mail) {
            if (failuresInARow >= FAILURES_BEFORE_PAUSING_MAIL) {
                return new SendResult.Failed("mail service failing: not tried again in this run");
            }
            SendResult result = mailer.send(mail);
            for (int attempt = 1; result instanceof SendResult.Retryable && attempt < SEND_ATTEMPTS; attempt++) {
                pause.sleep(backoff(attempt));
                result = mailer.send(mail);
            }
            if (result instanceof SendResult.Accepted || result instanceof SendResult.Rejected) {
                failuresInARow = 0;
            } else {
                failuresInARow++;
                Log.error("mail not sent", Map.of("reason", Addresses.redact(reason(result))));
            }
            return result;
        }
    }

    static Duration backoff(int attempt) {
        return Retry.backoff(FIRST_BACKOFF, attempt);
    }

    private static String reason(SendResult result) {
        if (result instanceof SendResult.Retryable r) {
            return r.reason();
        }
        return result instanceof SendResult.Failed f ? f.reason() : result.toString();
    }

    private static Map<String, Object> fields(RunSummary summary) {
        return Json.MAPPER.convertValue(summary, new TypeReference<Map<String, Object>>() {});
    }
}
