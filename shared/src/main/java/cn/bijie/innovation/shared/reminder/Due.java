package cn.bijie.innovation.shared.reminder;

import cn.bijie.innovation.shared.application.ApplicationStatus;
import cn.bijie.innovation.shared.certification.CertificationStatus;
import cn.bijie.innovation.shared.subsidy.SubsidyStatus;
import java.time.Instant;
import java.time.LocalDate;

/** An item the due index handed to the reminder run, as it was when read. */
public sealed interface Due {

    /** Where the item lives and the due entry it was read under; writes check that entry is unchanged. */
    record Ref(String pk, String sk, LocalDate dueOn, String dueKey) {}

    Ref ref();

    /** The status the item had when read, as its entity's enum. */
    Enum<?> status();

    record Certification(Ref ref, String certificationId, String uscc, String kind, String level,
            String certificateNo, String platformName, LocalDate issuedOn, LocalDate expiresOn,
                    CertificationStatus status)
            implements Due {}

    record Application(Ref ref, String applicationId, String uscc, String kind, String level, String platformName,
            ApplicationStatus status, Instant submittedAt) implements Due {}

    /** {@code awaitingSince}: when it entered {@code AWAITING_PAYMENT}. */
    record Subsidy(Ref ref, String subsidyId, String certificationId, String uscc, String kind, String level,
            Long amountYuan, SubsidyStatus status, Instant awaitingSince) implements Due {}
}
