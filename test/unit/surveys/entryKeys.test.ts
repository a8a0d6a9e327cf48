import { describe, expect, it } from 'vitest';
import { splitScoreKeys } from '../../../shared/surveys/entryKeys';

describe('quick-entry score keys', () => {
  it('keeps one digit 0–5 per question, a space as 0, and drops other keys', () => {
    expect(splitScoreKeys('5 43', 4)).toEqual({ scores: '5043', overflow: '' });
    expect(splitScoreKeys('59a4', 4)).toEqual({ scores: '54', overflow: '' });
  });

  it('hands the digits typed after the last score to the NPS', () => {
    expect(splitScoreKeys('55559', 4)).toEqual({ scores: '5555', overflow: '9' });
    expect(splitScoreKeys('4444x10', 4)).toEqual({ scores: '4444', overflow: '10' });
    expect(splitScoreKeys('1234567', 7)).toEqual({ scores: '12345', overflow: '' });
  });
});
