// 统一社会信用代码 (GB 32100-2015): 18 characters from this alphabet; the 18th is a check character over the first 17.
// The API checks it too (400 VALIDATION_FAILED); the form checks first so the mistake is shown before sending.
const ALPHABET = '0123456789ABCDEFGHJKLMNPQRTUWXY';
const WEIGHTS = [1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28];

export type UsccProblem = 'empty' | 'length' | 'characters' | 'check';

/** Why a USCC is not valid, or null when it is. Lower case is accepted and means the same code. */
export function usccProblem(raw: string): UsccProblem | null {
  const code = raw.trim().toUpperCase();
  if (code.length === 0) return 'empty';
  if (code.length !== 18) return 'length';
  const values = [...code].map((c) => ALPHABET.indexOf(c));
  if (values.some((v) => v < 0)) return 'characters';
  const sum = WEIGHTS.reduce((acc, w, i) => acc + w * values[i]!, 0);
  const check = (31 - (sum % 31)) % 31;
  return values[17] === check ? null : 'check';
}

export const USCC_MESSAGES: Record<UsccProblem, string> = {
  empty: '请填写统一社会信用代码',
  length: '统一社会信用代码应为 18 位',
  characters: '统一社会信用代码只含数字和大写字母（不含 I、O、S、V、Z）',
  check: '统一社会信用代码校验位不正确，请核对',
};
