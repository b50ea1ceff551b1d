import { describe, expect, it } from 'vitest';
import { criteriaText, percent } from './cultivation';

describe('the reserve pool in words', () => {
  it('names the criteria and their recorded values', () => {
    expect(criteriaText({ INDUSTRY: 'NEW_MATERIALS', RD_SHARE_PERCENT: '6.5', IP_COUNT: '4' }))
      .toBe('所属产业 新材料；研发费用占销售收入比例 6.5 %；知识产权数量 4 件');
    expect(criteriaText({ GROWTH_TIER: 'SEED', NEW_ONE: 'x' })).toBe('成长梯队 种子企业；NEW_ONE x');
    expect(criteriaText({})).toBe('—');
  });

  it('shows a conversion rate as a percentage, none before any entry', () => {
    expect(percent(0.3333)).toBe('33.3%');
    expect(percent(null)).toBe('—');
  });
});
