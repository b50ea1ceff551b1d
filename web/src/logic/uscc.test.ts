import { describe, expect, it } from 'vitest';
import { usccProblem } from './uscc';

describe('usccProblem', () => {
  it('accepts a code whose check character is right, in either case', () => {
    expect(usccProblem('91520500MA6DKQ5X35')).toBeNull();
    expect(usccProblem(' 91520500ma6dkq5x35 ')).toBeNull();
  });

  it('names a wrong check character', () => {
    expect(usccProblem('91520500MA6DKQ5X36')).toBe('check');
  });

  it('names a wrong length, a character outside the alphabet, and an empty field', () => {
    expect(usccProblem('91520500MA6DKQ5X3')).toBe('length');
    expect(usccProblem('91520500MA6DKQ5XI5')).toBe('characters');
    expect(usccProblem('')).toBe('empty');
  });
});
