import { describe, expect, it } from 'vitest';
import type { AuditEntry } from '../api/types';
import { lastProposals } from './proposals';

const entry = (seq: number, action: string, after: object): AuditEntry =>
  ({ entity: 'POLICY#BJ-2019', seq, actor: 'x', action, at: '2026-11-30T00:00:00Z', before: null, after, prevHash: '0', hash: '1' });
const proposal = (name: string, value: unknown, approvedBy: string | null = null) =>
  ({ policyVersion: 'BJ-2019', name, value, proposedAt: '2026-11-30T00:00:00Z', proposedBy: 'staff-1', approvedAt: approvedBy ? '2026-11-30T01:00:00Z' : null, approvedBy });

describe('the last proposal of each parameter, from the policy trail', () => {
  it('is the latest entry about it: waiting after a proposal, approved after its approval', () => {
    const last = lastProposals([
      entry(1, 'POLICY_PARAMETER_PROPOSED', proposal('SUBSIDY_WINDOW_FROM', '2019-01-01')),
      entry(2, 'POLICY_PARAMETER_APPROVED', proposal('SUBSIDY_WINDOW_FROM', '2019-01-01', 'staff-2')),
      entry(3, 'POLICY_PARAMETER_PROPOSED', proposal('HIGH_TECH_ENTERPRISE_RENEWAL_YUAN', 50000)),
      entry(4, 'POLICY_PARAMETER_PROPOSED', proposal('HIGH_TECH_ENTERPRISE_RENEWAL_YUAN', 60000)),
      entry(5, 'SOMETHING_ELSE', { name: 'HIGH_TECH_ENTERPRISE_RENEWAL_YUAN' }),
    ]);
    expect(last.get('SUBSIDY_WINDOW_FROM')?.approvedBy).toBe('staff-2');
    expect(last.get('HIGH_TECH_ENTERPRISE_RENEWAL_YUAN')?.value).toBe(60000);
    expect(last.get('HIGH_TECH_ENTERPRISE_RENEWAL_YUAN')?.approvedAt).toBeNull();
    expect(last.has('PLATFORM_UPGRADE_MODE')).toBe(false);
  });
});
