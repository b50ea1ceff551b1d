import type { AuditEntry, PolicyParameterProposal } from '../api/types';

/**
 * The last proposal recorded for each parameter, read from the policy's audit trail (oldest first): a proposal and its
 * approval are both entries whose `after` is the proposal as it then stood. The API keeps no list of waiting proposals
 * (docs/SECURITY.md); this shows the trail's last word, and the approval itself is the API's to accept or refuse.
 */
export function lastProposals(entries: AuditEntry[]): Map<string, PolicyParameterProposal> {
  const last = new Map<string, PolicyParameterProposal>();
  for (const e of entries) {
    if (e.action !== 'POLICY_PARAMETER_PROPOSED' && e.action !== 'POLICY_PARAMETER_APPROVED') continue;
    const proposal = e.after as PolicyParameterProposal | null;
    if (proposal?.name) last.set(proposal.name, proposal);
  }
  return last;
}
