package cn.bijie.innovation.shared.organization;

import cn.bijie.innovation.shared.errors.Conflict;
import cn.bijie.innovation.shared.errors.Forbidden;
import cn.bijie.innovation.shared.errors.NotFound;
import cn.bijie.innovation.shared.errors.ValidationFailed;
import cn.bijie.innovation.shared.identity.Caller;
import cn.bijie.innovation.shared.identity.Role;
import cn.bijie.innovation.shared.paging.Page;
import cn.bijie.innovation.shared.paging.PageToken;
import cn.bijie.innovation.shared.paging.Slice;
import cn.bijie.innovation.shared.policy.Policy;
import cn.bijie.innovation.shared.retry.Retry;
import cn.bijie.innovation.shared.uscc.Uscc;
import cn.bijie.innovation.shared.validation.TextPolicy;
import cn.bijie.innovation.shared.validation.Validator;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * Organisation profiles: an applicant keeps its own, staff keep any; the roles that read everything read them. The
 * growth tier is the bureau's designation (三(一), the growth ladder): only staff set it, with a date and a reason, and
 * each change is kept. Staff and supervisors list and search the directory.
 */
public final class OrganizationService {
    static final int MAX_NAME = 100;
    static final int MAX_REASON = 500;
    /** A search longer than any name cannot match one. */
    static final int MAX_SEARCH = MAX_NAME;
    /** The 409 of a tier change another one overtook (here on a retry, in the store on a failed condition). */
    public static final String TIER_CHANGED = "梯队刚被他人修改，请刷新后重试 (the tier changed meanwhile; reload and retry)";

    private final OrganizationStore store;
    private final Supplier<Policy> policy;
    private final PageToken tokens;
    private final Clock clock;

    public OrganizationService(OrganizationStore store, Policy policy, PageToken tokens, Clock clock) {
        this(store, () -> policy, tokens, clock);
    }

    /** With the policy read on first use: reads never need it, so a cold start that serves a read skips loading it. */
    public OrganizationService(OrganizationStore store, Supplier<Policy> policy, PageToken tokens, Clock clock) {
        this.store = store;
        this.policy = policy;
        this.tokens = tokens;
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
            String tier = before == null ? null : before.growthTier();
            if (input.growthTier() != null && !input.growthTier().equals(tier)) {
                // the profile carries the tier for reading; changing it is the bureau's designation, with its history
                if (!caller.has(Role.STAFF)) {
                    throw new Forbidden("成长梯队由市科技局认定，申请单位不能设置 (the bureau designates the growth tier)");
                }
                throw ValidationFailed.field("growthTier",
                        "请通过 PUT /organizations/{uscc}/tier 设置梯队，并写明日期和理由 (set the tier with a date and a reason)");
            }
            Organization after = new Organization(uscc, input.name().strip(), input.county(), input.industry(),
                    input.contactEmail().strip(), tier, clock.instant().toString()).keepingMarkOf(before);
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

    /**
     * {@code PUT /organizations/{uscc}/tier}: staff designate the tier from {@code effectiveOn}, for a reason. The
     * write is conditioned on the profile as read; of two simultaneous changes one commits and the other is 409.
     */
    public Organization setTier(Caller caller, String uscc, TierInput input) {
        caller.requireAny(Role.STAFF);
        List<Optional<String>> seen = new ArrayList<>(1); // the tier as this request first read it
        return Retry.unitOfWork(() -> {
            requireUscc(uscc);
            Validator v = new Validator();
            v.code("tier", input.tier(), policy.get()::isGrowthTier);
            LocalDate effectiveOn = v.date("effectiveOn", input.effectiveOn());
            v.multilineText("reason", input.reason(), MAX_REASON);
            if (effectiveOn != null && effectiveOn.isAfter(LocalDate.now(clock))) {
                v.problem("effectiveOn", "不能晚于今天 (not in the future)");
            }
            v.throwIfAny();
            Organization before = store.find(uscc).orElseThrow(() -> new NotFound("组织不存在 (not found)"));
            if (seen.isEmpty()) {
                seen.add(Optional.ofNullable(before.growthTier()));
            } else if (!seen.get(0).equals(Optional.ofNullable(before.growthTier()))) {
                // a retry after a lost race: the tier this request set out to change was changed by another one, so
                // the second of two simultaneous changes is refused, never applied on top or answered as a no-op
                throw new Conflict(TIER_CHANGED);
            }
            if (input.tier().equals(before.growthTier())) {
                return before;
            }
            String now = clock.instant().toString();
            Organization after = new Organization(uscc, before.name(), before.county(), before.industry(),
                    before.contactEmail(), input.tier(), now).keepingMarkOf(before);
            store.saveTier(before, after, new TierChange(uscc, input.tier(), before.growthTier(), input.effectiveOn(),
                    input.reason().strip(), caller.sub(), now));
            return after;
        });
    }

    /** {@code GET /organizations/{uscc}/tiers}: the tier history, oldest first. */
    public List<TierChange> tierHistory(Caller caller, String uscc) {
        requireUscc(uscc);
        caller.requireRead(uscc, "组织");
        store.find(uscc).orElseThrow(() -> new NotFound("组织不存在 (not found)"));
        return store.tierHistory(uscc);
    }

    /** {@code GET /organizations}: staff and supervisors only; by name key, filtered, searched by name prefix. */
    public Page<DirectoryEntry> directory(Caller caller, String county, String industry, String tier, String inPool,
            String holds, String search, String limit, String nextToken) {
        caller.requireAny(Role.STAFF, Role.SUPERVISOR);
        Policy codes = policy.get();
        Validator v = new Validator();
        v.optionalCode("county", county, codes::isCounty);
        v.optionalCode("industry", industry, codes::isIndustry);
        v.optionalCode("tier", tier, codes::isGrowthTier);
        v.optionalCode("inPool", inPool, value -> value.equals("true") || value.equals("false"));
        v.optionalCode("holds", holds, code -> codes.kind(code).isPresent());
        String key = null;
        if (search != null) {
            if (search.length() > MAX_SEARCH) {
                v.problem("q", "不能超过 " + MAX_SEARCH + " 个字符 (at most " + MAX_SEARCH + " characters)");
            } else if (TextPolicy.isBlank(search) || (key = nameKey().of(search)).isEmpty()) {
                v.problem("q", "搜索内容不能为空 (the search must contain a name)");
            }
        }
        v.throwIfAny();
        int pageSize = Page.limit(limit);
        DirectoryFilter filter = new DirectoryFilter(county, industry, tier,
                inPool == null ? null : Boolean.valueOf(inPool), holds, key);
        Slice<DirectoryEntry> slice = store.directory(filter, pageSize,
                tokens.open(nextToken, caller.sub(), filter.fingerprint()));
        return new Page<>(slice.items(), tokens.issue(slice.lastKey(), caller.sub(), filter.fingerprint()));
    }

    /** The directory's name key, with the policy's county names as the place names to drop. */
    public NameKey nameKey() {
        return NameKey.of(policy.get());
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
