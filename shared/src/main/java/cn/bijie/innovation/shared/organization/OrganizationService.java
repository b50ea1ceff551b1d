package cn.bijie.innovation.shared.organization;

import cn.bijie.innovation.shared.errors.NotFound;
import cn.bijie.innovation.shared.errors.ValidationFailed;
import cn.bijie.innovation.shared.identity.Caller;
import cn.bijie.innovation.shared.identity.Role;
import cn.bijie.innovation.shared.policy.Policy;
import cn.bijie.innovation.shared.retry.Retry;
import cn.bijie.innovation.shared.uscc.Uscc;
import cn.bijie.innovation.shared.validation.Validator;
import java.time.Clock;
import java.util.Objects;
import java.util.function.Supplier;

/** Organisation profiles: an applicant keeps its own, staff keep any; the roles that read everything read them. */
public final class OrganizationService {
    static final int MAX_NAME = 100;

    private final OrganizationStore store;
    private final Supplier<Policy> policy;
    private final Clock clock;

    public OrganizationService(OrganizationStore store, Policy policy, Clock clock) {
        this(store, () -> policy, clock);
    }

    /** With the policy read on first use: reads never need it, so a cold start that serves a read skips loading it. */
    public OrganizationService(OrganizationStore store, Supplier<Policy> policy, Clock clock) {
        this.store = store;
        this.policy = policy;
        this.clock = clock;
    }

    public Organization put(Caller caller, String uscc, OrganizationInput input) {
        return Retry.unitOfWork(() -> {
            requireUscc(uscc);
            if (!caller.has(Role.STAFF)) {
                caller.requireAny(Role.APPLICANT);
                caller.requireRead(uscc, "组织");
            }
            Policy codes = policy.get();
            Validator v = new Validator();
            v.text("name", input.name(), MAX_NAME);
            v.code("county", input.county(), codes::isCounty);
            v.code("industry", input.industry(), codes::isIndustry);
            v.email("contactEmail", input.contactEmail());
            v.optionalCode("growthTier", input.growthTier(), codes::isGrowthTier);
            v.throwIfAny();

            Organization before = store.find(uscc).orElse(null);
            Organization after = new Organization(uscc, input.name().strip(), input.county(), input.industry(),
                    input.contactEmail().strip(), input.growthTier(), clock.instant().toString());
            if (before != null && sameProfile(before, after)) {
                return before;
            }
            store.save(before, after, caller.sub());
            return after;
        });
    }

    public Organization get(Caller caller, String uscc) {
        requireUscc(uscc);
        caller.requireRead(uscc, "组织");
        return store.find(uscc).orElseThrow(() -> new NotFound("组织不存在 (not found)"));
    }

    private static void requireUscc(String uscc) {
        if (!Uscc.isValid(uscc)) {
            throw ValidationFailed.field("uscc", "统一社会信用代码无效或校验码错误 (not a valid USCC: check character)");
        }
    }

    private static boolean sameProfile(Organization a, Organization b) {
        return a.name().equals(b.name()) && a.county().equals(b.county()) && a.industry().equals(b.industry())
                && Objects.equals(a.contactEmail(), b.contactEmail()) && Objects.equals(a.growthTier(), b.growthTier());
    }
}
