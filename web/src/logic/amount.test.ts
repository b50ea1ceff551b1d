import { describe, expect, it } from 'vitest';
import { expectation, formatYuan } from './amount';
import type { Policy } from '../api/types';
import policyFile from '../../tests/fixtures/policy.json';

const policy = policyFile as unknown as Policy;

function withParameter(name: string, value: number | null): Policy {
  return { ...policy, parameters: policy.parameters.map((p) => (p.name === name ? { ...p, value } : p)) };
}

describe('expectation', () => {
  it('shows the amount and clause of the rule for a new high-tech enterprise', () => {
    const e = expectation(policy, 'HIGH_TECH_ENTERPRISE', 'NATIONAL', false);
    expect(e.amount).toBe('100,000 元');
    expect(e.yuan).toBe(100000);
    expect(e.clause).toBe('三(一)');
    expect(e.explanation).toContain('10万元');
  });

  it('says the amount is not set while the renewal parameter has no value, and shows it once set', () => {
    expect(expectation(withParameter('HIGH_TECH_ENTERPRISE_RENEWAL_YUAN', null), 'HIGH_TECH_ENTERPRISE', 'NATIONAL', true).amount)
      .toBe('金额待市科技局确定');
    expect(expectation(withParameter('HIGH_TECH_ENTERPRISE_RENEWAL_YUAN', 50000), 'HIGH_TECH_ENTERPRISE', 'NATIONAL', true).amount)
      .toBe('50,000 元');
  });

  it('shows the national platform amount', () => {
    expect(expectation(policy, 'KEY_LABORATORY', 'NATIONAL', false).yuan).toBe(1000000);
  });

  it('says when the policy pays nothing for a pair', () => {
    const e = expectation(policy, 'HIGH_TECH_ENTERPRISE', 'MUNICIPAL', false);
    expect(e.amount).toBe('不予补助');
    expect(e.yuan).toBeNull();
  });

  it('formats yuan with grouping and a dash for none', () => {
    expect(formatYuan(1000000)).toBe('1,000,000 元');
    expect(formatYuan(null)).toBe('—');
  });
});
