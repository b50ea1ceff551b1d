import { describe, expect, it } from 'vitest';
import { actionName, changes } from './audit';
import { splitEntity } from './auditLink';

describe('an audit entry as people read it', () => {
  it('lists only the fields that changed, with their values before and after', () => {
    const before = { subsidyId: 'sub-1', status: 'AWAITING_PAYMENT', amountYuan: 100000, paidOn: null };
    const after = { subsidyId: 'sub-1', status: 'PAID', amountYuan: 100000, paidOn: '2026-11-30', voucherNo: 'PZ-1' };
    expect(changes(before, after)).toEqual([
      { field: 'status', before: 'AWAITING_PAYMENT', after: 'PAID' },
      { field: 'paidOn', before: '—', after: '2026-11-30' },
      { field: 'voucherNo', before: '—', after: 'PZ-1' },
    ]);
  });

  it('shows every field of a new record, and nested values as JSON', () => {
    expect(changes(null, { uscc: 'X', criteria: { IP_COUNT: '4' } })).toEqual([
      { field: 'uscc', before: '—', after: 'X' },
      { field: 'criteria', before: '—', after: '{"IP_COUNT":"4"}' },
    ]);
  });

  it('takes a field an entry leaves out as unchanged (a step keeps only what it wrote)', () => {
    const before = { applicationId: 'a-1', status: 'SUBMITTED', kind: 'KEY_LABORATORY' };
    expect(changes(before, { status: 'RETURNED', reason: '请补充', certificationId: null })).toEqual([
      { field: 'status', before: 'SUBMITTED', after: 'RETURNED' },
      { field: 'reason', before: '—', after: '请补充' },
    ]);
    expect(changes({ a: 1 }, null)).toEqual([{ field: 'a', before: '1', after: '—' }]);
  });

  it('finds nothing changed when the records are the same', () => {
    expect(changes({ a: 1, b: [1, 2] }, { a: 1, b: [1, 2] })).toEqual([]);
  });

  it('names known actions in Chinese and keeps an unknown one as its code', () => {
    expect(actionName('SUBSIDY_PAID')).toBe('登记拨付');
    expect(actionName('SOMETHING_NEW')).toBe('SOMETHING_NEW');
  });

  it('splits a record key at its first #', () => {
    expect(splitEntity('ORG#91520500MA6DKQ5X35')).toEqual({ prefix: 'ORG', id: '91520500MA6DKQ5X35' });
    expect(splitEntity('DOWNLOADS#app#1')).toEqual({ prefix: 'DOWNLOADS', id: 'app#1' });
  });
});
