package cn.bijie.innovation.shared.reminder;

import cn.bijie.innovation.shared.application.ApplicationStatus;
import cn.bijie.innovation.shared.certification.CertificationStatus;
import cn.bijie.innovation.shared.subsidy.SubsidyStatus;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;

/** The reminder store in memory: items by key with their due date (null: out of the index), markers, run state. */
final class FakeReminderStore implements ReminderStore {
    final Map<String, Due> items = new LinkedHashMap<>();
    final Map<String, Marker> reminders = new HashMap<>();
    final Map<String, Marker> digests = new HashMap<>();
    final Set<String> renewedIds = new HashSet<>();
    final Set<String> failingMarkerReads = new HashSet<>();
    final List<LocalDate> datesRead = new ArrayList<>();
    LocalDate lastRun;
    long itemsRead;

    void put(Due item) {
        items.put(item.ref().pk(), item);
    }

    Due current(String pk) {
        return items.get(pk);
    }

    /** The date the item is due on now, or null when it left the index. */
    LocalDate dueOn(String pk) {
        Due item = items.get(pk);
        return item.ref().dueKey() == null ? null : item.ref().dueOn();
    }

    @Override
    public Optional<LocalDate> lastRunDate() {
        return Optional.ofNullable(lastRun);
    }

    @Override
    public void recordRun(LocalDate date, RunSummary summary) {
        lastRun = date;
    }

    @Override
    public void forEachDue(LocalDate date, Consumer<Due> action) {
        datesRead.add(date);
        List<Due> due = items.values().stream()
                .filter(i -> i.ref().dueKey() != null && i.ref().dueOn().equals(date)).toList();
        itemsRead += due.size();
        due.forEach(action);
    }

    @Override
    public Optional<Marker> reminder(String certificationId, int thresholdDays) {
        if (failingMarkerReads.contains(certificationId)) {
            throw new IllegalStateException("table unavailable");
        }
        itemsRead++;
        return Optional.ofNullable(reminders.get(certificationId + "/" + thresholdDays));
    }

    @Override
    public void markReminder(String certificationId, int thresholdDays, Marker marker, String detail, Instant at) {
        reminders.merge(certificationId + "/" + thresholdDays, marker, (old, now) -> old.sent() ? old : now);
    }

    @Override
    public boolean renewed(Due.Certification certification) {
        return renewedIds.contains(certification.certificationId());
    }

    @Override
    public boolean reschedule(Due item, LocalDate next) {
        Due stored = items.get(item.ref().pk());
        if (!unchanged(stored, item)) {
            return false;
        }
        Due.Ref ref = new Due.Ref(item.ref().pk(), item.ref().sk(), next, next == null ? null : next + "#" + item.ref().pk());
        items.put(ref.pk(), with(stored, ref, stored.status()));
        return true;
    }

    @Override
    public boolean expire(Due.Certification certification, Instant at) {
        Due stored = items.get(certification.ref().pk());
        if (!unchanged(stored, certification) || stored.status() != CertificationStatus.ACTIVE) {
            return false;
        }
        Due.Ref out = new Due.Ref(stored.ref().pk(), stored.ref().sk(), null, null);
        items.put(out.pk(), with(stored, out, CertificationStatus.EXPIRED));
        return true;
    }

    @Override
    public Optional<Marker> digest(Mailbox mailbox, LocalDate date) {
        return Optional.ofNullable(digests.get(mailbox + "/" + date));
    }

    @Override
    public void markDigest(Mailbox mailbox, LocalDate date, Marker marker, String detail, int items, Instant at) {
        digests.putIfAbsent(mailbox + "/" + date, marker);
    }

    private static boolean unchanged(Due stored, Due seen) {
        return stored != null && stored.ref().dueKey() != null && stored.ref().dueKey().equals(seen.ref().dueKey())
                && stored.status().equals(seen.status());
    }

    static Due with(Due item, Due.Ref ref, Enum<?> status) {
        if (item instanceof Due.Certification c) {
            return new Due.Certification(ref, c.certificationId(), c.uscc(), c.kind(), c.level(), c.certificateNo(),
                    c.platformName(), c.issuedOn(), c.expiresOn(), (CertificationStatus) status);
        }
        if (item instanceof Due.Application a) {
            return new Due.Application(ref, a.applicationId(), a.uscc(), a.kind(), a.level(), a.platformName(),
                    (ApplicationStatus) status, a.submittedAt());
        }
        Due.Subsidy s = (Due.Subsidy) item;
        return new Due.Subsidy(ref, s.subsidyId(), s.certificationId(), s.uscc(), s.kind(), s.level(),
                s.amountYuan(), (SubsidyStatus) status, s.awaitingSince());
    }
}
