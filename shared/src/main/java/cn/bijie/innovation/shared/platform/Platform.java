package cn.bijie.innovation.shared.platform;

import cn.bijie.innovation.shared.ids.DerivedId;
import cn.bijie.innovation.shared.policy.Policy;
import java.text.Normalizer;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;

/**
 * What the plan recognises: for a high-tech enterprise the enterprise itself; otherwise a named centre, laboratory,
 * workstation, incubator, makerspace, alliance or transfer institution of an organisation, of one kind family. Its
 * history is its recognitions over time. A platform merged into another ({@code status} {@code MERGED},
 * {@code mergedInto}, when and why) keeps no recognitions: they moved to the platform it was merged into.
 */
public record Platform(String platformId, String uscc, String family, String kind, String name,
        List<Recognition> recognitions, String mergedInto, String createdAt, String status, String mergedAt,
        String mergeReason) {
    public static final String ACTIVE = "ACTIVE";
    public static final String MERGED = "MERGED";

    public Platform {
        recognitions = recognitions == null ? List.of()
                : recognitions.stream().sorted(Recognition.ORDER).toList();
        status = mergedInto == null ? ACTIVE : MERGED;
    }

    public Platform(String platformId, String uscc, String family, String kind, String name,
            List<Recognition> recognitions, String mergedInto, String createdAt) {
        this(platformId, uscc, family, kind, name, recognitions, mergedInto, createdAt, null, null, null);
    }

    /** One recognition of the platform, as its history lists it. */
    public record Recognition(String certificationId, String kind, String level, String issuedOn) {
        static final Comparator<Recognition> ORDER = Comparator.comparing(Recognition::issuedOn)
                .thenComparing(Recognition::certificationId);
    }

    /**
     * The id of the platform a recognition of {@code kind} named {@code name} belongs to when nobody says which: the
     * enterprise itself for a kind the record renews (the high-tech enterprise), else the organisation's platform of
     * that family and name (the name compared as a certificate number is: width, brackets and spaces folded).
     */
    public static String idFor(Policy policy, String uscc, String kind, String name) {
        if (policy.isRenewable(kind)) {
            return DerivedId.of("plat", uscc, kind);
        }
        return DerivedId.of("plat", uscc, policy.familyOf(kind), CertificateNumbers.normalized(
                Normalizer.normalize(name, Normalizer.Form.NFKC).toLowerCase(Locale.ROOT)));
    }

    /** The recognitions issued before {@code issuedOn} (an earlier one the same day counts as earlier by id). */
    public List<Recognition> before(String issuedOn, String certificationId) {
        Recognition self = new Recognition(certificationId, null, null, issuedOn);
        return recognitions.stream().filter(r -> !r.certificationId().equals(certificationId)
                && Recognition.ORDER.compare(r, self) < 0).toList();
    }

    public boolean merged() {
        return mergedInto != null;
    }
}
