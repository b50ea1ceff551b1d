package cn.bijie.innovation.shared.reminder;

import java.time.Instant;
import java.time.LocalDate;

/** An item the due index handed to the reminder run, as it was when read. */
public sealed interface Due {

    /** Where the item lives and the due entry it was read under; writes check that entry is unchanged. */
    record Ref(String pk, String sk, LocalDate dueOn, String dueKey) {}

    Ref ref();

    String status();

    record Certification(Ref ref, String certificationId, String uscc, String kind, String level,
            String certificateNo, String platformName, LocalDate issuedOn, LocalDate expiresOn, String status)
            implements Due {}

    record Application(Ref ref, String applicationId, String uscc, String kind, String level, String platformName,
            String status, Instant submittedAt) implements Due {}

    /** {@code awaitingSince}: when it entered {@code AWAITING_PAYMENT}. */
    record Subsidy(Ref ref, String subsidyId, String certificationId, String uscc, String kind, String level,
            Long amountYuan, String status, Instant awaitingSince) implements Due {}
}
