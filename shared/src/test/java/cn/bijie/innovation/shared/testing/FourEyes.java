package cn.bijie.innovation.shared.testing;

import cn.bijie.innovation.shared.http.Answers;
import cn.bijie.innovation.shared.identity.Caller;
import cn.bijie.innovation.shared.identity.Role;
import cn.bijie.innovation.shared.json.Json;
import cn.bijie.innovation.shared.policy.ParameterChange;
import cn.bijie.innovation.shared.policy.ParameterInput;
import cn.bijie.innovation.shared.policy.PolicyService;
import java.util.Set;

/** Sets a policy parameter as staff must: one staff member proposes the value, a second approves it. */
public final class FourEyes {
    public static final Caller PROPOSER = new Caller("staff-proposer", Set.of(Role.STAFF), null, null);
    public static final Caller APPROVER = new Caller("staff-approver", Set.of(Role.STAFF), null, null);

    private FourEyes() {}

    /** {@code value} (a number of yuan or a choice) in force afterwards. */
    public static void set(PolicyService service, String name, Object value) {
        ParameterInput input = new ParameterInput(Json.MAPPER.valueToTree(value));
        ParameterChange change = service.proposeParameter(PROPOSER, name, input);
        if (change.pending() != null) {
            Answers.commit(200, null, () -> service.approveParameter(APPROVER, name, input, null));
        }
    }
}
