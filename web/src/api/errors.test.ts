import { describe, expect, it } from 'vitest';
import { chinese, toApiError } from './client';

describe('toApiError', () => {
  it('puts each field problem, in Chinese, under the form field it concerns', () => {
    const e = toApiError(400, {
      error: {
        code: 'VALIDATION_FAILED',
        message: '请求内容无效 (the request is invalid)',
        details: [
          { field: 'uscc', problem: '统一社会信用代码校验位不正确 (check character does not match)' },
          { field: 'organization.county', problem: 'must be one of the county codes' },
        ],
      },
    });
    expect(e.code).toBe('VALIDATION_FAILED');
    expect(e.message).toBe('填写的内容有误，请按提示修改');
    expect(e.fields).toEqual({ uscc: '统一社会信用代码校验位不正确', county: 'must be one of the county codes' });
  });

  it('keeps the API\'s own Chinese message when it says what to do', () => {
    const e = toApiError(409, {
      error: { code: 'CONFLICT', message: '请先填写单位资料 (the organisation needs a profile before it can apply)', details: [] },
    });
    expect(e.message).toBe('请先填写单位资料');
  });

  it('falls back to a message per code when the API gives none in Chinese', () => {
    expect(toApiError(403, { error: { code: 'FORBIDDEN', message: 'forbidden', details: [] } }).message).toBe('您的角色无权进行此操作');
  });

  it('says briefly that the service is unavailable on a 503, whatever its body', () => {
    const e = toApiError(503, { message: 'Service Unavailable' });
    expect(e.unavailable).toBe(true);
    expect(e.message).toContain('暂时不可用');
  });

  it('keeps the Chinese part of a bilingual message', () => {
    expect(chinese('需要有效的登录令牌 (a valid bearer token is required)')).toBe('需要有效的登录令牌');
    expect(chinese('未知代码 (unknown code): 520599')).toBe('未知代码: 520599');
    expect(chinese('plain english')).toBe('plain english');
  });
});
