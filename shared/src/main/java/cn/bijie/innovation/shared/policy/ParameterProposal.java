package cn.bijie.innovation.shared.policy;

/**
 * A change of an open parameter one staff member proposed ({@code POLICY#<version> / PROPOSAL#<name>}); it takes
 * effect only when a second staff member approves it (four-eyes). {@code approvedAt}/{@code approvedBy} are null while
 * it waits. The value is typed as in {@link StoredParameter}.
 */
public record ParameterProposal(String policyVersion, String name, Object value, String proposedAt, String proposedBy,
        String approvedAt, String approvedBy) {

    public boolean pending() {
        return approvedAt == null;
    }

    ParameterProposal approvedBy(String approver, String at) {
        return new ParameterProposal(policyVersion, name, value, proposedAt, proposedBy, at, approver);
    }
}
