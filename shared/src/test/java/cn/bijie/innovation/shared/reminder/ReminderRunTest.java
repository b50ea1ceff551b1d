package cn.bijie.innovation.shared.reminder;

import cn.bijie.innovation.shared.application.ApplicationStatus;
import cn.bijie.innovation.shared.certification.CertificationStatus;
import cn.bijie.innovation.shared.mail.Mail;
import cn.bijie.innovation.shared.mail.SendResult;
import cn.bijie.innovation.shared.organization.DirectoryEntry;
import cn.bijie.innovation.shared.organization.DirectoryFilter;
import cn.bijie.innovation.shared.organization.Organization;
import cn.bijie.innovation.shared.organization.OrganizationStore;
import cn.bijie.innovation.shared.organization.TierChange;
import cn.bijie.innovation.shared.paging.Slice;
import cn.bijie.innovation.shared.policy.Policy;
import cn.bijie.innovation.shared.subsidy.SubsidyStatus;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import static org.assertj.core.api.Assertions.assertThat;

/** The rules of the daily run, over in-memory fakes of our own store and mail ports. */
class ReminderRunTest {
    static final ZoneId BIJIE = ZoneId.of("Asia/Shanghai");
    static final String USCC = "91520500MA6DKQ5X35";
    static final String CONTACT = "contact@example.com";
    static final String STAFF = "staff@example.com";
    static final String FINANCE = "finance@example.com";
    static final LocalDate EXPIRES = LocalDate.of(2026, 12, 25);

    final FakeReminderStore store = new FakeReminderStore();
    final FakeMailer mailer = new FakeMailer();
    final Map<String, Organization> organizations = new HashMap<>(Map.of(USCC, org(CONTACT)));
    final List<Duration> pauses = new ArrayList<>();
    final ReminderRun run = new ReminderRun(store, new OrganizationStore() {
        @Override
        public Optional<Organization> find(String uscc) {
            return Optional.ofNullable(organizations.get(uscc));
        }

        @Override
        public void save(Organization before, Organization after, String actor) {
            throw new UnsupportedOperationException();
        }

        @Override
        public void saveTier(Organization before, Organization after, TierChange change) {
            throw new UnsupportedOperationException();
        }

        @Override
        public List<TierChange> tierHistory(String uscc) {
            throw new UnsupportedOperationException();
        }

        @Override
        public Slice<DirectoryEntry> directory(DirectoryFilter filter, int limit, Map<String, String> start) {
            throw new UnsupportedOperationException();
        }
    }, mailer, Policy.active(), new ReminderRun.Mailboxes(STAFF, FINANCE), pauses::add, () -> store.itemsRead);

    static Organization org(String email) {
        return new Organization(USCC, "毕节某科技有限公司", "520502", "NEW_MATERIALS", email, null, "2026-01-01T00:00:00Z");
    }

    /** 09:00 in Bijie on {@code date}, as the schedule fires. */
    static Instant nineOClock(LocalDate date) {
        return date.atTime(LocalTime.of(9, 0)).atZone(BIJIE).toInstant();
    }

    static Due.Ref ref(String pk, String sk, LocalDate dueOn) {
        return new Due.Ref(pk, sk, dueOn, dueOn + "#" + pk);
    }

    static Due.Certification certification(String id, String kind, LocalDate expiresOn, String status) {
        return new Due.Certification(ref("CERT#" + id, "CERT", expiresOn.minusDays(90)), id, USCC, kind, "NATIONAL",
                "GR2023520000" + id, null, expiresOn.minusYears(3), expiresOn, CertificationStatus.valueOf(status));
    }

    Due.Certification highTech(String id) {
        Due.Certification c = certification(id, "HIGH_TECH_ENTERPRISE", EXPIRES, "ACTIVE");
        store.put(c);
        return c;
    }

    Due.Application application(String id, Instant submittedAt, String status) {
        LocalDate due = LocalDate.ofInstant(submittedAt, BIJIE).plusDays(10);
        Due.Application a = new Due.Application(ref("APP#" + id, "APP", due), id, USCC, "KEY_LABORATORY",
                "PROVINCIAL", "毕节市新材料重点实验室", ApplicationStatus.valueOf(status), submittedAt);
        store.put(a);
        return a;
    }

    Due.Subsidy subsidy(String id, Instant since, String status) {
        LocalDate due = LocalDate.ofInstant(since, BIJIE).plusDays(30);
        Due.Subsidy s = new Due.Subsidy(ref("SUB#" + id, "SUB", due), id, "c-" + id, USCC, "HIGH_TECH_ENTERPRISE",
                "NATIONAL", 100000L, SubsidyStatus.valueOf(status), since);
        store.put(s);
        return s;
    }

    RunSummary runOn(LocalDate date) {
        return run.run(nineOClock(date));
    }

    @Test
    void complainedAddress_isSuppressed_listedWithWaitingApplicationsToStaff_andRemindedOnceCorrected() {
        highTech("c1");
        application("a1", nineOClock(EXPIRES.minusDays(45)), "SUBMITTED");
        Organization org = org(CONTACT);
        organizations.put(USCC, new Organization(USCC, org.name(), org.county(), org.industry(), CONTACT, null,
                org.updatedAt(), Organization.COMPLAINED, "2026-11-20T03:00:00Z", "abuse"));

        RunSummary marked = runOn(EXPIRES.minusDays(30));

        assertThat(mailer.to(CONTACT)).isEmpty();
        assertThat(marked.suppressed()).isEqualTo(1);
        assertThat(marked.failingContacts()).isEqualTo(1);
        assertThat(marked.sent()).isEqualTo(1); // the staff digest only
        assertThat(mailer.to(STAFF)).singleElement().satisfies(digest -> {
            assertThat(digest.subject()).contains("待审核申报汇总");
            assertThat(digest.text()).contains("1 项申报已提交超过", "1 个单位的联系邮箱无法送达", "收件人投诉于 2026-11-20",
                    "联系邮箱 " + CONTACT, "申报编号 a1");
            assertThat(digest.organization()).isNull();
        });

        organizations.put(USCC, org("fixed@example.com"));
        RunSummary corrected = runOn(EXPIRES.minusDays(29));

        assertThat(corrected.suppressed()).isZero();
        assertThat(mailer.to("fixed@example.com")).singleElement()
                .satisfies(mail -> assertThat(mail.organization()).isEqualTo(USCC));
    }

    @Test
    void run_sendsOneReminder_thirtyDaysBeforeExpiry_andNothingMoreThatDay() {
        // GIVEN a certification never reminded (its 90-day run was missed), 30 days before expiry
        highTech("c1");

        RunSummary first = runOn(EXPIRES.minusDays(30));
        RunSummary again = runOn(EXPIRES.minusDays(30));

        assertThat(mailer.to(CONTACT)).hasSize(1);
        assertThat(mailer.accepted.get(0).subject()).isEqualTo("【毕节市科技局】高新技术企业证书到期提醒（2026-12-25）");
        assertThat(store.reminders).containsOnlyKeys("c1/30");
        assertThat(first.sent()).isEqualTo(1);
        assertThat(again.sent()).isZero();
        assertThat(store.dueOn("CERT#c1")).isEqualTo(EXPIRES.minusDays(7));
    }

    @Test
    void run_sendsTheSevenDayReminderOnce_onTheFollowingDays_thenExpires() {
        highTech("c1");

        // EXPIRES is the last valid day: it is still valid on it, and expires the day after
        for (LocalDate day = EXPIRES.minusDays(30); !day.isAfter(EXPIRES); day = day.plusDays(1)) {
            runOn(day);
        }

        assertThat(mailer.accepted).extracting(Mail::text)
                .satisfiesExactly(t -> assertThat(t).contains("还有 30 天"), t -> assertThat(t).contains("还有 7 天"));
        assertThat(store.reminders).containsOnlyKeys("c1/30", "c1/7");
        assertThat(store.dueOn("CERT#c1")).isEqualTo(EXPIRES.plusDays(1));
        assertThat(store.current("CERT#c1").status().name()).isEqualTo("ACTIVE");

        RunSummary onExpiry = runOn(EXPIRES.plusDays(1));

        assertThat(onExpiry.expired()).isEqualTo(1);
        assertThat(store.current("CERT#c1").status().name()).isEqualTo("EXPIRED");
        assertThat(store.dueOn("CERT#c1")).isNull();
        assertThat(mailer.accepted).hasSize(2);
    }

    @Test
    void run_afterAGap_sendsOnlyTheNearestThresholdCrossed() {
        highTech("c1");

        runOn(EXPIRES.minusDays(5));

        assertThat(store.reminders).containsOnlyKeys("c1/7");
        assertThat(mailer.accepted).singleElement().satisfies(m -> assertThat(m.text()).contains("还有 5 天"));
    }

    @Test
    void run_sendsTheNinetyDayReminder_onItsDate() {
        highTech("c1");

        runOn(EXPIRES.minusDays(91));
        assertThat(mailer.accepted).isEmpty();
        runOn(EXPIRES.minusDays(90));

        assertThat(store.reminders).containsOnlyKeys("c1/90");
        assertThat(store.dueOn("CERT#c1")).isEqualTo(EXPIRES.minusDays(30));
    }

    @Test
    void run_expiresAfterTheExpiryDate_withoutAMail() {
        highTech("c1");
        store.lastRun = EXPIRES.minusDays(90); // the last run before a long gap

        RunSummary summary = runOn(EXPIRES.plusDays(3));

        assertThat(summary.expired()).isEqualTo(1);
        assertThat(store.current("CERT#c1").status().name()).isEqualTo("EXPIRED");
        assertThat(mailer.calls).isZero();
    }

    @Test
    void run_sendsNothing_forARevokedCertification_andTakesItOutOfTheIndex() {
        store.put(certification("c1", "HIGH_TECH_ENTERPRISE", EXPIRES, "REVOKED"));

        RunSummary summary = runOn(EXPIRES.minusDays(30));

        assertThat(mailer.calls).isZero();
        assertThat(summary.skipped()).isEqualTo(1);
        assertThat(store.dueOn("CERT#c1")).isNull();
    }

    @Test
    void run_sendsNothing_forARenewedCertification_butStillExpiresIt() {
        highTech("c1");
        store.renewedIds.add("c1");

        runOn(EXPIRES.minusDays(30));
        assertThat(mailer.calls).isZero();
        assertThat(store.dueOn("CERT#c1")).isEqualTo(EXPIRES.plusDays(1));

        runOn(EXPIRES.plusDays(1));
        assertThat(store.current("CERT#c1").status().name()).isEqualTo("EXPIRED");
    }

    @Test
    void run_remindsNoOtherKind_butExpiresIt() {
        store.put(certification("p1", "KEY_LABORATORY", EXPIRES, "ACTIVE"));

        runOn(EXPIRES.minusDays(30));
        runOn(EXPIRES);
        assertThat(store.current("CERT#p1").status().name()).as("valid on its last day").isEqualTo("ACTIVE");
        runOn(EXPIRES.plusDays(1));

        assertThat(mailer.calls).isZero();
        assertThat(store.current("CERT#p1").status().name()).isEqualTo("EXPIRED");
    }

    @Test
    void run_retriesThrottling_withGrowingPauses() {
        highTech("c1");
        mailer.next.add(new SendResult.Retryable("TooManyRequestsException"));
        mailer.next.add(new SendResult.Retryable("TooManyRequestsException"));

        RunSummary summary = runOn(EXPIRES.minusDays(30));

        assertThat(summary.sent()).isEqualTo(1);
        assertThat(mailer.calls).isEqualTo(3);
        assertThat(pauses).hasSize(2);
        assertThat(pauses.get(0)).isBetween(Duration.ofMillis(100), Duration.ofMillis(300));
        assertThat(pauses.get(1)).isBetween(Duration.ofMillis(200), Duration.ofMillis(600));
    }

    @Test
    void run_marksNothing_whenTheMailFails_andTheNextRunSendsItOnce() {
        highTech("c1");
        mailer.always = new SendResult.Failed("SdkClientException: connection refused");

        RunSummary failed = runOn(EXPIRES.minusDays(30));

        assertThat(failed.failed()).isEqualTo(1);
        assertThat(store.reminders).isEmpty();
        assertThat(store.dueOn("CERT#c1")).isEqualTo(EXPIRES.minusDays(30));

        mailer.always = null;
        runOn(EXPIRES.minusDays(29));
        runOn(EXPIRES.minusDays(29));

        assertThat(mailer.accepted).hasSize(1);
        assertThat(store.reminders).containsOnlyKeys("c1/30");
    }

    @Test
    void run_recordsARefusedAddress_andTriesItAgainOnlyWhenTheAddressChanges() {
        highTech("c1");
        mailer.next.add(new SendResult.Rejected("MessageRejected: bad@example.com"));
        organizations.put(USCC, org("bad@example.com"));

        RunSummary refused = runOn(EXPIRES.minusDays(30));

        assertThat(refused.rejected()).isEqualTo(1);
        assertThat(store.reminders.get("c1/30")).isEqualTo(new Marker(Marker.Outcome.REJECTED, "bad@example.com"));

        // the next threshold is tried once more at the same address, but the refused one never again
        store.put(FakeReminderStore.with(store.current("CERT#c1"), ref("CERT#c1", "CERT", EXPIRES.minusDays(29)),
                CertificationStatus.ACTIVE));
        runOn(EXPIRES.minusDays(29));
        assertThat(mailer.calls).isEqualTo(1);

        organizations.put(USCC, org(CONTACT));
        store.put(FakeReminderStore.with(store.current("CERT#c1"), ref("CERT#c1", "CERT", EXPIRES.minusDays(28)),
                CertificationStatus.ACTIVE));
        runOn(EXPIRES.minusDays(28));
        assertThat(mailer.to(CONTACT)).hasSize(1);
        assertThat(store.reminders.get("c1/30").sent()).isTrue();
    }

    @Test
    void run_recordsAMissingProfile_asRefused() {
        highTech("c1");
        organizations.clear();

        RunSummary summary = runOn(EXPIRES.minusDays(30));

        assertThat(summary.rejected()).isEqualTo(1);
        assertThat(store.reminders.get("c1/30").outcome()).isEqualTo(Marker.Outcome.REJECTED);
        assertThat(mailer.calls).isZero();
    }

    @Test
    void run_carriesOn_whenOneItemFails() {
        highTech("c1");
        highTech("c2");
        highTech("c3");
        store.failingMarkerReads.add("c2");

        RunSummary summary = runOn(EXPIRES.minusDays(30));

        assertThat(summary.failed()).isEqualTo(1);
        assertThat(summary.sent()).isEqualTo(2);
        assertThat(store.reminders).containsOnlyKeys("c1/30", "c3/30");
        // the failed one stays where the next run reads it
        assertThat(store.dueOn("CERT#c2")).isEqualTo(EXPIRES.minusDays(30));
    }

    @Test
    void run_stopsCallingAFailingMailService_butStillHandlesEveryItem() {
        for (int i = 0; i < 8; i++) {
            highTech("c" + i);
        }
        Due.Certification old = certification("old", "HIGH_TECH_ENTERPRISE", EXPIRES.minusDays(40), "ACTIVE");
        store.put(FakeReminderStore.with(old, ref(old.ref().pk(), "CERT", old.expiresOn()),
                CertificationStatus.ACTIVE));
        mailer.always = new SendResult.Failed("SdkClientException: connection refused");

        RunSummary summary = runOn(EXPIRES.minusDays(30));

        assertThat(mailer.calls).isEqualTo(ReminderRun.FAILURES_BEFORE_PAUSING_MAIL);
        assertThat(summary.failed()).isEqualTo(8);
        assertThat(summary.expired()).isEqualTo(1);
        assertThat(store.reminders).isEmpty();
    }

    @Test
    void run_readsFromTheLastProcessedDate_newestFirst() {
        store.lastRun = LocalDate.of(2026, 11, 28);

        runOn(LocalDate.of(2026, 12, 1));

        assertThat(store.datesRead).containsExactly(LocalDate.of(2026, 12, 1), LocalDate.of(2026, 11, 30),
                LocalDate.of(2026, 11, 29), LocalDate.of(2026, 11, 28));
        assertThat(store.lastRun).isEqualTo(LocalDate.of(2026, 12, 1));
    }

    @Test
    void run_firstEver_looksBackAsFarAsTheEarliestThreshold() {
        RunSummary summary = runOn(LocalDate.of(2026, 12, 1));

        assertThat(store.datesRead).hasSize(91).endsWith(LocalDate.of(2026, 9, 2));
        assertThat(summary.from()).isEqualTo("2026-09-02");
    }

    @Test
    void run_isForTheBijieDate_ofTheEventTime() {
        RunSummary summary = run.run(Instant.parse("2026-12-24T16:30:00Z"));

        assertThat(summary.date()).isEqualTo("2026-12-25");
    }

    @Test
    void run_sendsOneStaffDigest_ofApplicationsWaitingMoreThanTenDays_eachDayTheyWait() {
        LocalDate today = LocalDate.of(2026, 12, 1);
        application("a1", nineOClock(today.minusDays(12)), "SUBMITTED");
        application("a2", nineOClock(today.minusDays(10)).minusSeconds(60), "SUBMITTED");
        application("a3", nineOClock(today.minusDays(10)).plusSeconds(60), "SUBMITTED");
        application("a4", nineOClock(today.minusDays(11)), "CERTIFIED");

        RunSummary summary = runOn(today);
        runOn(today);

        assertThat(summary.staffDigestItems()).isEqualTo(2);
        assertThat(mailer.to(STAFF)).singleElement().satisfies(mail -> {
            assertThat(mail.subject()).isEqualTo("【毕节市科技局】待审核申报汇总（2026-12-01）");
            assertThat(mail.text()).contains("申报编号 a1", "申报编号 a2").doesNotContain("a3", "a4");
        });
        assertThat(store.dueOn("APP#a1")).isEqualTo(today.plusDays(1));
        assertThat(store.dueOn("APP#a3")).isEqualTo(today.plusDays(1));
        assertThat(store.dueOn("APP#a4")).isNull();

        runOn(today.plusDays(1));
        assertThat(mailer.to(STAFF)).hasSize(2);
        assertThat(mailer.to(STAFF).get(1).text()).contains("a1", "a2", "a3");
    }

    @Test
    void run_sendsOneFinanceDigest_ofSubsidiesAwaitingPaymentMoreThanThirtyDays() {
        LocalDate today = LocalDate.of(2026, 12, 1);
        subsidy("s1", nineOClock(today.minusDays(31)), "AWAITING_PAYMENT");
        subsidy("s2", nineOClock(today.minusDays(40)), "PAID");

        runOn(today);

        assertThat(mailer.to(FINANCE)).singleElement().satisfies(mail -> {
            assertThat(mail.subject()).isEqualTo("【毕节市科技局】待拨付补助汇总（2026-12-01）");
            assertThat(mail.text()).contains("补助编号 s1", "100,000 元").doesNotContain("s2");
        });
        assertThat(store.dueOn("SUB#s2")).isNull();
    }

    @Test
    void run_keepsDigestItemsDueToday_whenTheDigestFails_soASecondRunSendsIt() {
        LocalDate today = LocalDate.of(2026, 12, 1);
        application("a1", nineOClock(today.minusDays(12)), "SUBMITTED");
        mailer.next.add(new SendResult.Failed("SdkClientException"));

        runOn(today);
        assertThat(store.digests).isEmpty();
        assertThat(store.dueOn("APP#a1")).isEqualTo(today);

        runOn(today);
        assertThat(mailer.to(STAFF)).hasSize(1);
        assertThat(store.digests).containsOnlyKeys("STAFF/2026-12-01");
    }
}
