package cn.bijie.innovation.shared.notice;

import static cn.bijie.innovation.shared.store.dynamodb.BureauFixture.FINANCE;
import static cn.bijie.innovation.shared.store.dynamodb.BureauFixture.STAFF;
import static cn.bijie.innovation.shared.store.dynamodb.BureauFixture.SUPERVISOR;
import static cn.bijie.innovation.shared.testing.TestData.newUscc;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import cn.bijie.innovation.shared.calendar.WorkingDays;
import cn.bijie.innovation.shared.certification.Certification;
import cn.bijie.innovation.shared.errors.Conflict;
import cn.bijie.innovation.shared.errors.Forbidden;
import cn.bijie.innovation.shared.errors.TooManyRequests;
import cn.bijie.innovation.shared.errors.ValidationFailed;
import cn.bijie.innovation.shared.http.Answers;
import cn.bijie.innovation.shared.idempotency.Written;
import cn.bijie.innovation.shared.json.Json;
import cn.bijie.innovation.shared.ledger.Ledger;
import cn.bijie.innovation.shared.ledger.LedgerService;
import cn.bijie.innovation.shared.store.dynamodb.BureauFixture;
import cn.bijie.innovation.shared.store.dynamodb.DynamoLedgerStore;
import cn.bijie.innovation.shared.store.dynamodb.Keys;
import cn.bijie.innovation.shared.subsidy.DisbursementInput;
import cn.bijie.innovation.shared.subsidy.Subsidy;
import cn.bijie.innovation.shared.subsidy.SubsidyStatus;
import cn.bijie.innovation.shared.time.Shanghai;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;

/** 公示 against MiniStack: opening, objections, the daily close, the payment guard, and the ledger moving with them. */
class NoticesIT {
    static final String HTE = "HIGH_TECH_ENTERPRISE";

    final BureauFixture bureau = new BureauFixture();
    final LedgerService ledger = new LedgerService(new DynamoLedgerStore(bureau.dynamo, bureau.table),
            bureau.parameterStore, bureau.policy, bureau.clock);

    String subsidy(String county, String certificateNo) {
        String uscc = newUscc();
        bureau.organization(uscc, county);
        bureau.openSubsidyWindow();
        Certification c = bureau.recordAndCalculate(uscc, HTE, "NATIONAL", false, certificateNo);
        return Subsidy.idFor(c.certificationId());
    }

    <T> T commit(Supplier<Written<T>> work, Class<T> type) {
        return BureauFixture.read(Answers.commit(200, null, work).bodyJson(), type);
    }

    Instant dayAfter(Notice notice) {
        return LocalDate.parse(notice.endsOn()).plusDays(1).atTime(9, 0).atZone(Shanghai.ZONE).toInstant();
    }

    Ledger.Line status(Ledger l, SubsidyStatus status) {
        return l.byStatus().stream().filter(line -> line.status().equals(status.name())).findFirst()
                .orElse(new Ledger.Line(null, null, status.name(), 0, 0));
    }

    long county(Ledger l, String county, SubsidyStatus status) {
        return l.byCounty().stream().filter(line -> county.equals(line.value()) && line.status().equals(status.name()))
                .mapToLong(Ledger.Line::count).sum();
    }

    @Test
    void objectionDismissed_thenTheNoticePasses_andFinancePaysOnce() {
        Ledger before = ledger.ledger(FINANCE);
        String subsidyId = subsidy("BLDJ", "GR-N1");
        assertThat(bureau.subsidyOf(subsidyCert(subsidyId)) == null).isFalse();

        Notice notice = bureau.openNotice(subsidyId);
        LocalDate opened = Shanghai.today(bureau.clock);
        assertThat(notice.opensOn()).isEqualTo(opened.toString());
        assertThat(notice.endsOn()).isEqualTo(WorkingDays.china().plusWorkingDays(opened, 5).toString());
        assertThat(bureau.subsidyStore.find(subsidyId).orElseThrow().status()).isEqualTo(SubsidyStatus.ON_NOTICE);
        PublicNotice shown = bureau.notices.publicGet(notice.noticeId());
        assertThat(shown.entries()).singleElement().satisfies(e -> {
            assertThat(e.amountYuan()).isEqualTo(100_000L);
            assertThat(e.clause()).isEqualTo("三(一)");
            assertThat(e.recognition()).isEqualTo("国家级高新技术企业");
        });
        assertThat(Json.write(shown)).doesNotContain("uscc", "contactEmail", "createdBy");

        // paying during the notice: 409, nothing changed
        assertThatThrownBy(() -> bureau.disburse(FINANCE, subsidyId, new DisbursementInput(today(), "PZ-N1")))
                .isInstanceOf(Conflict.class).hasMessageContaining("公示");
        assertThat(bureau.subsidyStore.find(subsidyId).orElseThrow().paidOn()).isNull();

        String html = "<script>alert('x')</script> 该企业不符合条件";
        Objection lodged = commit(() -> bureau.notices.lodge(notice.noticeId(), new ObjectionInput(subsidyId, html),
                "203.0.113.7"), Objection.class);
        assertThat(bureau.noticeStore.objection(notice.noticeId(), lodged.objectionId()).orElseThrow().text())
                .as("stored as the text it is").isEqualTo(html);

        // the period ended but the objection waits for staff: the notice stays open
        CloseSummary waiting = bureau.notices.closeEnded(dayAfter(notice));
        assertThat(waiting.waitingForDecisions()).contains(notice.noticeId());
        assertThat(bureau.subsidyStore.find(subsidyId).orElseThrow().status()).isEqualTo(SubsidyStatus.ON_NOTICE);

        commit(() -> bureau.notices.decide(STAFF, notice.noticeId(), lodged.objectionId(),
                new ObjectionDecisionInput("DISMISSED", "经核查，企业认定材料真实有效")), Objection.class);
        CloseSummary closed = bureau.notices.closeEnded(dayAfter(notice));
        assertThat(closed.closed()).contains(notice.noticeId());
        assertThat(bureau.notices.closeEnded(dayAfter(notice)).closed()).as("a repeated run closes nothing twice")
                .doesNotContain(notice.noticeId());
        assertThat(bureau.subsidyStore.find(subsidyId).orElseThrow().status())
                .isEqualTo(SubsidyStatus.AWAITING_PAYMENT);

        bureau.disburse(FINANCE, subsidyId, new DisbursementInput(today(), "PZ-N1"));
        assertThatThrownBy(() -> bureau.disburse(FINANCE, subsidyId, new DisbursementInput(today(), "PZ-N2")))
                .isInstanceOf(Conflict.class);

        Ledger after = ledger.ledger(FINANCE);
        assertThat(status(after, SubsidyStatus.PAID).count() - status(before, SubsidyStatus.PAID).count())
                .isEqualTo(1);
        assertThat(status(after, SubsidyStatus.PAID).yuan() - status(before, SubsidyStatus.PAID).yuan())
                .isEqualTo(100_000L);
        assertThat(county(after, "BLDJ", SubsidyStatus.PAID) - county(before, "BLDJ", SubsidyStatus.PAID))
                .isEqualTo(1);
        for (SubsidyStatus between : List.of(SubsidyStatus.AWAITING_NOTICE, SubsidyStatus.ON_NOTICE,
                SubsidyStatus.AWAITING_PAYMENT)) {
            assertThat(status(after, between).count()).as(between + " is left as it was")
                    .isEqualTo(status(before, between).count());
        }
        String year = today().substring(0, 4);
        assertThat(after.paidPerYear()).anySatisfy(line -> {
            assertThat(line.value()).isEqualTo(year);
            assertThat(line.yuan()).isGreaterThanOrEqualTo(100_000L);
        });
    }

    @Test
    void anUpheldObjection_holdsTheSubsidy_withStaffsReasons_andTheOtherPasses() {
        String held = subsidy("520527", "GR-N2");
        String passes = subsidy("520527", "GR-N3");
        Notice notice = bureau.openNotice(held, passes);
        Objection o = commit(() -> bureau.notices.lodge(notice.noticeId(), new ObjectionInput(held, "研发投入不实"),
                "203.0.113.8"), Objection.class);
        commit(() -> bureau.notices.decide(STAFF, notice.noticeId(), o.objectionId(),
                new ObjectionDecisionInput("UPHELD", "研发费用归集不符合规定")), Objection.class);

        bureau.notices.closeEnded(dayAfter(notice));

        Subsidy h = bureau.subsidyStore.find(held).orElseThrow();
        assertThat(h.status()).isEqualTo(SubsidyStatus.HELD);
        assertThat(h.note()).contains("研发费用归集不符合规定");
        assertThat(bureau.subsidyStore.find(passes).orElseThrow().status()).isEqualTo(SubsidyStatus.AWAITING_PAYMENT);
        assertThatThrownBy(() -> bureau.disburse(FINANCE, held, new DisbursementInput(today(), "PZ-H")))
                .isInstanceOf(Conflict.class);
        assertThat(bureau.noticeStore.find(notice.noticeId()).orElseThrow().entries())
                .extracting(NoticeEntry::outcome).containsExactly("HELD", "AWAITING_PAYMENT");
    }

    @Test
    void aSubsidyNotReady_isRefused_andNothingIsWritten() {
        String ready = subsidy("520502", "GR-N4");
        String onNotice = subsidy("520502", "GR-N5");
        bureau.openNotice(onNotice);

        assertThatThrownBy(() -> bureau.openNotice(ready, onNotice)).isInstanceOf(Conflict.class)
                .hasMessageContaining(onNotice);
        assertThat(bureau.subsidyStore.find(ready).orElseThrow().status()).isEqualTo(SubsidyStatus.AWAITING_NOTICE);
        assertThat(bureau.item(Keys.key(Keys.subsidyPk(ready), "SUB")).get("noticeId")).isNull();
        assertThatThrownBy(() -> bureau.openNotice("sub-does-not-exist")).isInstanceOf(ValidationFailed.class);
        assertThatThrownBy(() -> bureau.notices.open(FINANCE, new NoticeInput("公示", List.of(ready))))
                .isInstanceOf(Forbidden.class);
        assertThatThrownBy(() -> bureau.notices.open(SUPERVISOR, new NoticeInput("公示", List.of(ready))))
                .isInstanceOf(Forbidden.class);
    }

    @Test
    void aNoticeRunningIntoAYearTheCalendarLacks_isA400NamingIt_andNothingIsWritten() {
        String subsidyId = subsidy("520526", "GR-N9");
        // opened on 28 December 2026: its five working days run into 2027, which the calendar does not hold yet
        NoticeService lateInTheYear = new NoticeService(bureau.noticeStore, bureau.policy, WorkingDays.china(),
                bureau.tokens, java.time.Clock.fixed(Instant.parse("2026-12-28T02:00:00Z"), Shanghai.ZONE));

        assertThatThrownBy(() -> Answers.commit(201, null, () -> lateInTheYear.open(STAFF,
                new NoticeInput("公示", List.of(subsidyId))))).isInstanceOf(ValidationFailed.class)
                .satisfies(e -> assertThat(((ValidationFailed) e).details().get(0).problem()).contains("2027"));
        assertThat(bureau.subsidyStore.find(subsidyId).orElseThrow().status()).isEqualTo(SubsidyStatus.AWAITING_NOTICE);
        assertThat(bureau.item(Keys.subsidy(subsidyId)).get("noticeId")).isNull();
    }

    @Test
    void objections_areRateLimitedPerSource_andTheRefusedOneIsNotStored() {
        String subsidyId = subsidy("520523", "GR-N6");
        Notice notice = bureau.openNotice(subsidyId);
        for (int i = 0; i < 5; i++) {
            int n = i;
            commit(() -> bureau.notices.lodge(notice.noticeId(), new ObjectionInput(subsidyId, "异议 " + n),
                    "198.51.100.1"), Objection.class);
        }
        assertThatThrownBy(() -> commit(() -> bureau.notices.lodge(notice.noticeId(),
                new ObjectionInput(subsidyId, "第六条"), "198.51.100.1"), Objection.class))
                .isInstanceOf(TooManyRequests.class);
        assertThat(bureau.noticeStore.objections(notice.noticeId())).hasSize(5);
        commit(() -> bureau.notices.lodge(notice.noticeId(), new ObjectionInput(subsidyId, "另一来源"),
                "198.51.100.2"), Objection.class);
        assertThat(bureau.noticeStore.objections(notice.noticeId())).hasSize(6);
    }

    @Test
    void anObjection_toASubsidyTheNoticeDoesNotList_orTooLong_isRefused() {
        String subsidyId = subsidy("520524", "GR-N7");
        Notice notice = bureau.openNotice(subsidyId);
        assertThatThrownBy(() -> bureau.notices.lodge(notice.noticeId(), new ObjectionInput("sub-other", "x"), "a"))
                .isInstanceOf(ValidationFailed.class);
        assertThatThrownBy(() -> bureau.notices.lodge(notice.noticeId(), new ObjectionInput(subsidyId,
                "长".repeat(2001)), "a")).isInstanceOf(ValidationFailed.class);
        assertThat(bureau.noticeStore.objections(notice.noticeId())).isEmpty();
    }

    @Test
    void theForecast_listsTheNoticesRunning_byTheMonthTheyBecomePayable() {
        String subsidyId = subsidy("520525", "GR-N8");
        Notice notice = bureau.openNotice(subsidyId);
        var forecast = ledger.forecast(SUPERVISOR);
        String month = LocalDate.parse(notice.endsOn()).plusDays(1).toString().substring(0, 7);
        assertThat(forecast.months()).anySatisfy(m -> {
            assertThat(m.month()).isEqualTo(month);
            assertThat(m.onNotice()).isGreaterThanOrEqualTo(1);
            assertThat(m.onNoticeYuan()).isGreaterThanOrEqualTo(100_000L);
        });
        assertThat(forecast.months()).hasSize(12);
        assertThat(forecast.assumptions()).isNotEmpty();
        assertThatThrownBy(() -> ledger.forecast(STAFF)).isInstanceOf(Forbidden.class);
    }

    private String subsidyCert(String subsidyId) {
        return bureau.subsidyStore.find(subsidyId).orElseThrow().certificationId();
    }

    String today() {
        return Shanghai.today(bureau.clock).toString();
    }
}
