package cn.bijie.innovation.shared.imports;

import cn.bijie.innovation.shared.certification.Certification;
import cn.bijie.innovation.shared.certification.CertificationStore;
import cn.bijie.innovation.shared.mail.Mailer;
import cn.bijie.innovation.shared.mail.SendResult;
import cn.bijie.innovation.shared.organization.Organization;
import cn.bijie.innovation.shared.subsidy.Subsidy;
import cn.bijie.innovation.shared.subsidy.SubsidyStatus;
import cn.bijie.innovation.shared.subsidy.SubsidyStore;
import java.time.Clock;
import java.util.List;
import java.util.Optional;

/**
 * The mails of an import, each once whatever the retries (as the reminders: a marker says it went; a send that may
 * be retried leaves none): the summary to the uploader when the import ends, and the entitlement notice per subsidy
 * of a recognition it recorded — driven by the table's stream (the row item RECORDED), since the subsidy is created
 * from the stream too: a row whose subsidy does not exist yet fails, and the stream delivers it again.
 */
public final class ImportNotices {
    /** The subsidy of a recorded row is not calculated yet: try the stream record again. */
    public static final class SubsidyNotYetCalculated extends RuntimeException {
        public SubsidyNotYetCalculated(String certificationId) {
            super("no subsidy yet for " + certificationId);
        }
    }

    public enum Outcome { SENT, SENT_BEFORE, NO_ADDRESS, REFUSED, NO_AMOUNT, NOT_ELIGIBLE, RETRY_LATER }

    private final ImportStore store;
    private final SubsidyStore subsidies;
    private final CertificationStore certifications;
    private final Mailer mailer;
    private final ImportMails mails;
    private final Clock clock;

    public ImportNotices(ImportStore store, SubsidyStore subsidies, CertificationStore certifications, Mailer mailer,
            ImportMails mails, Clock clock) {
        this.store = store;
        this.subsidies = subsidies;
        this.certifications = certifications;
        this.mailer = mailer;
        this.mails = mails;
        this.clock = clock;
    }

    /** The summary of a finished import to the staff member who uploaded it. */
    public Outcome summary(ListImport i) {
        String marker = "SUMMARY#" + i.importId();
        if (store.mailed(marker).isPresent()) {
            return Outcome.SENT_BEFORE;
        }
        if (i.createdByEmail() == null || i.createdByEmail().isBlank()) {
            store.markMailed(marker, "", Outcome.NO_ADDRESS.name(), clock.instant().toString());
            return Outcome.NO_ADDRESS;
        }
        List<String> withoutAddress = i.status() == ImportStatus.REJECTED ? List.of() : store.rows(i.importId())
                .stream().filter(r -> r.outcome() == RowOutcome.Outcome.RECORDED && r.uscc() != null)
                .map(RowOutcome::uscc).distinct()
                .map(store::organization).flatMap(Optional::stream).map(ImportStore.ImportedOrganization::profile)
                .filter(o -> o.contactEmail() == null || o.contactEmail().isBlank())
                .map(o -> o.name() + "（" + o.uscc() + "）").toList();
        return send(marker, mails.summary(i.createdByEmail(), i, withoutAddress));
    }

    /** The entitlement notice of the subsidy of a certification an import recorded. */
    public Outcome entitlement(String certificationId, String platformName) {
        Subsidy s = subsidies.find(Subsidy.idFor(certificationId)).orElse(null);
        if (s == null) {
            if (!certifications.find(certificationId).map(Certification::subsidyEligible).orElse(false)) {
                return Outcome.NOT_ELIGIBLE;
            }
            throw new SubsidyNotYetCalculated(certificationId);
        }
        if (s.status() == SubsidyStatus.CANCELLED) {
            return Outcome.NOT_ELIGIBLE;
        }
        if (s.amountYuan() == null) {
            return Outcome.NO_AMOUNT; // its amount waits for a policy parameter: the notice follows the amount
        }
        String marker = "ENTITLEMENT#" + s.subsidyId();
        if (store.mailed(marker).filter(outcome -> !outcome.equals(Outcome.NO_ADDRESS.name())).isPresent()) {
            return Outcome.SENT_BEFORE;
        }
        Organization org = store.organization(s.uscc()).map(ImportStore.ImportedOrganization::profile).orElse(null);
        if (org == null || org.contactEmail() == null || org.contactEmail().isBlank()) {
            store.markMailed(marker, "", Outcome.NO_ADDRESS.name(), clock.instant().toString());
            return Outcome.NO_ADDRESS;
        }
        return send(marker, mails.entitlement(org, s, platformName));
    }

    private Outcome send(String marker, cn.bijie.innovation.shared.mail.Mail mail) {
        SendResult result = mailer.send(mail);
        if (result instanceof SendResult.Accepted) {
            store.markMailed(marker, mail.to(), Outcome.SENT.name(), clock.instant().toString());
            return Outcome.SENT;
        }
        if (result instanceof SendResult.Rejected) {
            store.markMailed(marker, mail.to(), Outcome.REFUSED.name(), clock.instant().toString());
            return Outcome.REFUSED;
        }
        return Outcome.RETRY_LATER;
    }
}
