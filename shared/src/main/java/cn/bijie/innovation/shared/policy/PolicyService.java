package cn.bijie.innovation.shared.policy;

import cn.bijie.innovation.shared.errors.Conflict;
import cn.bijie.innovation.shared.errors.Forbidden;
import cn.bijie.innovation.shared.errors.NotFound;
import cn.bijie.innovation.shared.errors.ValidationFailed;
import cn.bijie.innovation.shared.idempotency.Written;
import cn.bijie.innovation.shared.idempotency.IdempotencyKey;
import cn.bijie.innovation.shared.idempotency.Prior;
import cn.bijie.innovation.shared.identity.Caller;
import cn.bijie.innovation.shared.identity.Role;
import cn.bijie.innovation.shared.retry.Retry;
import com.fasterxml.jackson.databind.JsonNode;
import java.time.Clock;
import java.util.Objects;

/** The policy as the public reads it, and the open parameters staff change, four-eyes. */
public final class PolicyService {
    /**
     * A technical bound, not a policy number: no single subsidy of a city programme reaches a billion yuan, so a value
     * above it is a typing error (and sums of amounts stay far from overflow).
     */
    static final long MAX_YUAN = 1_000_000_000L;

    private final Policy policy;
    private final PolicyParameterStore store;
    private final Clock clock;

    public PolicyService(Policy policy, PolicyParameterStore store, Clock clock) {
        this.policy = policy;
        this.store = store;
        this.clock = clock;
    }

    public PolicyView view() {
        PolicyParameters parameters = new PolicyParameters(policy, store.load(policy.version()));
        return new PolicyView(policy.version(), policy.title(), policy.source(), policy.levels(), policy.kinds(),
                policy.rules().stream().map(rule -> new PolicyView.RuleView(rule.id(), rule.kinds(), rule.levels(),
                        rule.renewal(), rule.amountParameter() == null ? rule.amountYuan()
                                : parameters.yuan(rule.amountParameter()),
                        rule.amountParameter(), rule.clause(), rule.explanation())).toList(),
                policy.upgrade(), policy.noSubsidyNote(),
                policy.parameters().stream().map(p -> parameterView(p, parameters.storedValue(p.name()))).toList(),
                policy.reminders(), policy.counties(), policy.targetPeriods(), policy.industries(),
                policy.growthTiers(), policy.families(), policy.renewal(), policy.window());
    }

    /**
     * A staff member proposes a value (four-eyes): it waits for a second staff member's {@link #approveParameter}. The
     * value in force proposed again writes nothing; a waiting proposal of the same value stays as it is (its proposer
     * too); another value replaces it.
     */
    public ParameterChange proposeParameter(Caller caller, String name, ParameterInput input) {
        return Retry.unitOfWork(() -> {
            caller.requireAny(Role.STAFF);
            Policy.Parameter parameter = parameter(name);
            Object value = parse(parameter, input.value());

            StoredParameter inForce = store.load(policy.version()).get(name);
            Object current = inForce == null ? parameter.value() : inForce.value();
            if (Objects.equals(current, value)) {
                return new ParameterChange(null, parameterView(parameter, inForce));
            }
            ParameterProposal before = store.proposal(policy.version(), name, null).record();
            if (before != null && before.pending() && Objects.equals(before.value(), value)) {
                return new ParameterChange(before, null);
            }
            ParameterProposal after = new ParameterProposal(policy.version(), name, value, clock.instant().toString(),
                    caller.sub(), null, null);
            store.propose(before, after);
            return new ParameterChange(after, null);
        });
    }

    /**
     * A second staff member approves the waiting proposal, restating its value (so that nobody approves a value that
     * replaced the one they read); the value takes effect and reaches the subsidy function through the table's stream.
     */
    public Written<PolicyView.ParameterView> approveParameter(Caller caller, String name, ParameterInput input,
            IdempotencyKey key) {
        caller.requireAny(Role.STAFF);
        Policy.Parameter parameter = parameter(name);
        Object value = parse(parameter, input.value());

        Prior<ParameterProposal> prior = store.proposal(policy.version(), name, key);
        if (prior.replay() != null) {
            return Written.replayed(prior.replay());
        }
        ParameterProposal proposal = prior.record();
        if (proposal == null || !proposal.pending()) {
            throw new Conflict("该参数没有待批准的修改 (no change of this parameter is waiting for approval)");
        }
        if (proposal.proposedBy().equals(caller.sub())) {
            throw new Forbidden("修改须由另一位工作人员批准，提出人不能批准自己的修改"
                    + " (a change must be approved by a second staff member, not by the one who proposed it)");
        }
        if (!Objects.equals(proposal.value(), value)) {
            throw new Conflict("待批准的值是 " + proposal.value() + "，与所批准的值不同，请核对后重试"
                    + " (the value waiting for approval is " + proposal.value() + "; check it and retry)");
        }
        String now = clock.instant().toString();
        StoredParameter before = store.load(policy.version()).get(name);
        StoredParameter after = new StoredParameter(policy.version(), name, value, now, caller.sub());
        return Written.of(parameterView(parameter, after),
                store.approve(proposal.approvedBy(caller.sub(), now), before, after));
    }

    private Policy.Parameter parameter(String name) {
        return policy.parameter(name)
                .orElseThrow(() -> new NotFound("没有这个政策参数 (no such policy parameter): " + name));
    }

    private static Object parse(Policy.Parameter parameter, JsonNode value) {
        if (value == null || value.isNull() || value.isMissingNode()) {
            throw ValidationFailed.field("value", "必填 (required)");
        }
        return switch (parameter.type()) {
            case "YUAN" -> {
                if (!value.isIntegralNumber() || !value.canConvertToLong()
                        || value.longValue() < 1 || value.longValue() > MAX_YUAN) {
                    throw ValidationFailed.field("value",
                            "须为正整数元 (a whole number of yuan, 1 to " + MAX_YUAN + ")");
                }
                yield value.longValue();
            }
            case "CHOICE" -> {
                if (!value.isTextual() || !parameter.allowed().contains(value.asText())) {
                    throw ValidationFailed.field("value", "须为以下之一 (one of): " + parameter.allowed());
                }
                yield value.asText();
            }
            case "DATE" -> {
                java.time.LocalDate date = null;
                if (value.isTextual()) {
                    try {
                        date = java.time.LocalDate.parse(value.asText());
                    } catch (java.time.format.DateTimeParseException e) {
                        date = null;
                    }
                }
                if (date == null || date.getYear() < 1980 || date.getYear() > 2100) {
                    throw ValidationFailed.field("value", "须为日期 YYYY-MM-DD (a date, 1980 to 2100)");
                }
                yield date.toString();
            }
            default -> throw new IllegalStateException("parameter type " + parameter.type() + " in the policy file");
        };
    }

    private static PolicyView.ParameterView parameterView(Policy.Parameter parameter, StoredParameter stored) {
        return new PolicyView.ParameterView(parameter.name(), parameter.type(),
                stored == null ? parameter.value() : stored.value(), parameter.value(), parameter.allowed(),
                parameter.description(), stored == null ? null : stored.updatedAt(),
                stored == null ? null : stored.updatedBy());
    }
}
