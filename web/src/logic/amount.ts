import type { Policy, PolicyRule } from '../api/types';

/** What the policy (as GET /policy gives it) would pay for a recognition, in words people read before applying. */
export interface Expectation {
  /** e.g. "100,000 元", or a sentence when the amount is not fixed yet */
  amount: string;
  yuan: number | null;
  clause: string | null;
  explanation: string;
}

const yuanFormat = new Intl.NumberFormat('zh-CN');

export function formatYuan(yuan: number | null | undefined): string {
  return yuan == null ? '—' : `${yuanFormat.format(yuan)} 元`;
}

/**
 * The policy's rule for this kind, level and renewal, and its amount (a rule may name an open parameter instead of an
 * amount; then the parameter's current value, or "not set yet"). The console only looks the rule up: the amount that
 * is paid is worked out by the system when the recognition is recorded.
 */
export function expectation(policy: Policy, kind: string, level: string, renewal: boolean): Expectation {
  const rule: PolicyRule | undefined = policy.rules.find(
    (r) => (r.kinds ?? []).includes(kind) && (r.levels ?? []).includes(level) && (r.renewal ?? false) === renewal,
  );
  if (!rule) {
    return { amount: '不予补助', yuan: null, clause: null, explanation: policy.noSubsidyNote ?? '该类型与级别不在补助范围内。' };
  }
  let yuan = rule.amountYuan ?? null;
  if (yuan == null && rule.amountParameter) {
    const value = policy.parameters.find((p) => p.name === rule.amountParameter)?.value;
    yuan = typeof value === 'number' ? value : null;
  }
  return {
    amount: yuan == null ? '金额待市科技局确定' : formatYuan(yuan),
    yuan,
    clause: rule.clause ?? null,
    explanation: rule.explanation ?? '',
  };
}
