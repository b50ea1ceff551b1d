package cn.bijie.innovation.shared.certification;

import cn.bijie.innovation.shared.errors.Conflict;
import cn.bijie.innovation.shared.errors.NotFound;
import cn.bijie.innovation.shared.errors.ValidationFailed;
import cn.bijie.innovation.shared.idempotency.Written;
import cn.bijie.innovation.shared.identity.Caller;
import cn.bijie.innovation.shared.identity.Role;
import cn.bijie.innovation.shared.ids.DerivedId;
import cn.bijie.innovation.shared.indicator.OrganizationHoldings;
import cn.bijie.innovation.shared.platform.Platform;
import cn.bijie.innovation.shared.policy.Policy;
import cn.bijie.innovation.shared.subsidy.Subsidy;
import cn.bijie.innovation.shared.subsidy.SubsidyStatus;
import cn.bijie.innovation.shared.subsidy.SubsidyStore;
import cn.bijie.innovation.shared.validation.Validator;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * {@code POST /organizations/{uscc}/platforms/{platformId}/merge}: staff merge two records of one platform. The
 * merged platform's recognitions, their subsidies, the platform-levels they hold and the indicator holdings move to
 * the kept platform in one transaction, audited on both. Where both held one platform-level, the subsidy furthest
 * toward payment keeps it (then the earlier recognition); the other pays nothing more, or, paid, is owed back
 * ({@code RECOVERY_DUE}: the money was paid twice for one platform). The subsidy function then recalculates the
 * kept platform's unpaid subsidies from its whole history, as after a revocation.
 */
public final class PlatformMerges {
    static final int MAX_REASON = 500;
    /** Who keeps a platform-level both platforms held: the subsidy furthest toward payment. */
    static final List<SubsidyStatus> PRECEDENCE = List.of(SubsidyStatus.PAID, SubsidyStatus.RECOVERY_DUE,
            SubsidyStatus.AWAITING_PAYMENT, SubsidyStatus.ON_NOTICE, SubsidyStatus.HELD, SubsidyStatus.AWAITING_NOTICE,
            SubsidyStatus.PENDING_AMOUNT);
    static final String MERGE_NOTE = "平台合并：{merged} 已并入 {kept}（{reason}）。";
    static final String PAID_TWICE = "平台合并后，同一平台同一级别已由补助 {subsidyId} 拨付：本笔补助重复拨付，应予追回"
            + " (the money was paid twice for one platform)。";

    private final CertificationStore certifications;
    private final SubsidyStore subsidies;
    private final PlatformMergeStore store;
    private final Policy policy;
    private final Clock clock;

    public PlatformMerges(CertificationStore certifications, SubsidyStore subsidies, PlatformMergeStore store,
            Policy policy, Clock clock) {
        this.certifications = certifications;
        this.subsidies = subsidies;
        this.store = store;
        this.policy = policy;
        this.clock = clock;
    }

    public Written<MergeResult> merge(Caller caller, String uscc, String platformId, MergeInput input) {
        caller.requireAny(Role.STAFF);
        Validator v = new Validator();
        v.uscc("uscc", uscc);
        if (v.required("into", input.into()) && !DerivedId.isWellFormed("plat", input.into())) {
            v.problem("into", "不是平台编号 (not a platform id)");
        }
        v.multilineText("reason", input.reason(), MAX_REASON);
        v.throwIfAny();
        if (!DerivedId.isWellFormed("plat", platformId)) {
            throw notFound();
        }
        if (platformId.equals(input.into())) {
            throw ValidationFailed.field("into", "平台不能并入自身 (a platform cannot be merged into itself)");
        }
        OrganizationHoldings organization = certifications.organization(uscc);
        Platform merged = organization.platform(platformId).orElseThrow(PlatformMerges::notFound);
        Platform kept = organization.platform(input.into()).orElseThrow(() -> ValidationFailed.field("into",
                "该组织没有这个平台 (no such platform of this organisation)"));
        if (merged.merged()) {
            if (merged.mergedInto().equals(kept.platformId())) {
                return Written.of(new MergeResult(merged, kept), store.unchanged()); // done already: the same answer
            }
            throw new Conflict("该平台已并入平台 " + merged.mergedInto() + " (this platform was merged into "
                    + merged.mergedInto() + " already)");
        }
        if (kept.merged()) {
            throw new Conflict("目标平台已并入平台 " + kept.mergedInto() + "，请并入该平台 (the target was merged into "
                    + kept.mergedInto() + ": merge into that one)");
        }
        if (policy.isRenewable(merged.kind()) || policy.isRenewable(kept.kind())) {
            throw new Conflict("高新技术企业的平台即企业本身，不能合并 (a high-tech enterprise's platform is the enterprise"
                    + " itself: it is not merged)");
        }
        if (!merged.family().equals(kept.family())) {
            throw new Conflict("两个平台类别不同（" + merged.family() + " / " + kept.family() + "），不能合并"
                    + " (the platforms are of different kind families)");
        }

        Instant now = clock.instant();
        String reason = input.reason().strip();
        List<Certification> movedBefore = new ArrayList<>();
        List<Certification> movedAfter = new ArrayList<>();
        for (Platform.Recognition r : merged.recognitions()) {
            Certification c = certifications.find(r.certificationId()).orElseThrow(() -> new IllegalStateException(
                    "platform " + merged.platformId() + " lists a certification that does not exist"));
            movedBefore.add(c);
            movedAfter.add(c.onPlatform(kept.platformId()));
        }
        Map<String, Platform.Recognition> recognitions = new HashMap<>();
        List<Subsidy> before = new ArrayList<>();
        List<Subsidy> after = new ArrayList<>();
        List<String> withoutSubsidy = new ArrayList<>();
        for (Platform p : List.of(merged, kept)) {
            for (Platform.Recognition r : p.recognitions()) {
                recognitions.put(r.certificationId(), r);
                subsidies.find(Subsidy.idFor(r.certificationId())).ifPresentOrElse(s -> {
                    before.add(s);
                    after.add(p == kept ? s : s.onPlatform(kept.platformId(), s.platformLevel() == null ? null
                            : kept.platformId() + s.platformLevel().substring(s.platformLevel().indexOf('#'))));
                }, () -> withoutSubsidy.add(r.certificationId()));
            }
        }
        String note = Policy.fill(MERGE_NOTE, Map.of("merged", merged.platformId(), "kept", kept.platformId(),
                "reason", reason));
        outrankDuplicates(after, recognitions, note);
        Platform mergedAfter = new Platform(merged.platformId(), merged.uscc(), merged.family(), merged.kind(),
                merged.name(), List.of(), kept.platformId(), merged.createdAt(), null, now.toString(), reason);
        Platform keptAfter = new Platform(kept.platformId(), kept.uscc(), kept.family(), kept.kind(), kept.name(),
                Stream.concat(kept.recognitions().stream(), merged.recognitions().stream()).toList(), null,
                kept.createdAt());
        return Written.of(new MergeResult(mergedAfter, keptAfter), store.merge(new PlatformMergeStore.Merge(merged,
                kept, movedBefore, movedAfter, before, after, withoutSubsidy, organization.holdings(), reason,
                caller.sub(), now)));
    }

    /**
     * Each platform-level held twice after the move is kept by one subsidy; the others let go of it (replaced in
     * {@code after}). One on a running notice cannot be changed: the merge waits for the notice to close.
     */
    private void outrankDuplicates(List<Subsidy> after, Map<String, Platform.Recognition> recognitions, String note) {
        Comparator<Subsidy> precedence = Comparator.<Subsidy>comparingInt(s -> PRECEDENCE.indexOf(s.status()))
                .thenComparing(s -> recognitions.get(s.certificationId()).issuedOn())
                .thenComparing(Subsidy::certificationId);
        Map<String, List<Subsidy>> byLevel = new LinkedHashMap<>();
        for (Subsidy s : after) {
            if (s.platformLevel() != null && s.status().holdsPlatformLevel()) {
                byLevel.computeIfAbsent(s.platformLevel(), level -> new ArrayList<>()).add(s);
            }
        }
        for (List<Subsidy> holders : byLevel.values()) {
            holders.sort(precedence);
            Subsidy keeper = holders.get(0);
            for (Subsidy loser : holders.subList(1, holders.size())) {
                after.set(after.indexOf(loser), outranked(loser, keeper, note));
            }
        }
    }

    private Subsidy outranked(Subsidy loser, Subsidy keeper, String note) {
        String notes = (loser.note() == null ? "" : loser.note()) + note;
        return switch (loser.status()) {
            case ON_NOTICE -> throw new Conflict("补助 " + loser.subsidyId() + " 正在公示中，公示结束后再合并"
                    + " (a subsidy of these platforms is on a public notice: merge after it closes)");
            case PAID -> loser.outranked(SubsidyStatus.RECOVERY_DUE, loser.amountYuan(), loser.rule(),
                    loser.explanation(), notes + Policy.fill(PAID_TWICE, Map.of("subsidyId", keeper.subsidyId())));
            case RECOVERY_DUE -> loser.outranked(SubsidyStatus.RECOVERY_DUE, loser.amountYuan(), loser.rule(),
                    loser.explanation(), notes);
            default -> loser.outranked(SubsidyStatus.NOT_PAYABLE, null, null,
                    Policy.fill(policy.classificationNotes().alreadyPaid(), Map.of("level",
                            policy.levelName(keeper.level()).orElse(keeper.level()), "subsidyId",
                            keeper.subsidyId())), notes);
        };
    }

    private static NotFound notFound() {
        return new NotFound("平台不存在 (not found)");
    }
}
