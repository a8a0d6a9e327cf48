/**
 * What the quick-entry score field keeps of the typed keys: one digit 1–5 per 5-point
 * question (0 or a space = not answered; other keys are dropped), and, once every score
 * has its digit, the further digits as the NPS answer — so keys typed faster than the
 * focus moves on (a quick typist, a scanner) are not lost.
 */
export function splitScoreKeys(typed: string, questions: number): { scores: string; overflow: string } {
  let scores = '';
  let overflow = '';
  for (const ch of typed) {
    if (scores.length < questions) {
      if (ch === ' ') scores += '0';
      else if (ch >= '0' && ch <= '5') scores += ch;
    } else if (ch >= '0' && ch <= '9') overflow += ch;
  }
  return { scores, overflow };
}
