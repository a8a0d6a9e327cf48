import { describe, expect, it } from 'vitest';
import { main } from '../../electron/cli/main';
import { openDatabase } from '../../electron/db/connection';
import { tempDbPath } from './helpers/temp';

async function warningsOn(file: string, asOf: string) {
  let stdout = '';
  const code = await main(['warnings', '--db', file, '--as-of', asOf, '--json'], { stdout: { write: (s: string) => (stdout += s) }, stderr: { write: () => undefined } });
  expect(code).toBe(0);
  return (JSON.parse(stdout) as { alerts: { customerId: number; rule: string; evidenceText: string }[] }).alerts.filter((a) => a.rule === 'negative_feedback');
}

describe('negative-survey warning from survey responses', () => {
  it('a score below 3 or an NPS detractor raises it with the form number in the evidence; good or old responses do not', async () => {
    const file = tempDbPath();
    const { db } = openDatabase(file, { create: true });
    const customer = db.prepare("INSERT INTO customers (id, code, kind, name) VALUES (?, ?, 'company', ?)");
    for (const id of [1, 2, 3, 4, 5]) customer.run(id, `C${id}`, `客户${id}`);
    const order = db.prepare("INSERT INTO orders (customer_id, order_date, amount_cents) VALUES (?, '2026-10-01', 1000)");
    for (const id of [1, 2, 3, 4, 5]) order.run(id);
    const form = db.prepare("INSERT INTO survey_forms (id, form_no, template_id, customer_id, channel, language, issued_on, sent_at) VALUES (?, ?, 1, ?, 'paper', 'zh-CN', '2026-06-01', '2026-06-01T00:00:00Z')");
    const response = db.prepare('INSERT INTO survey_responses (form_id, customer_id, responded_on, nps, mean_score, min_score) VALUES (?, ?, ?, ?, ?, ?)');
    // 1: lowest score 2 → below 3. 2: scores fine but NPS 5 → detractor. 3: 3 and NPS 7 → neither. 4: score 1 but 200 days ago. 5: NPS 6 and score 1 on two forms: the worse one names its form.
    const rows: [number, number, string, number | null, number | null, number | null][] = [
      [1, 1, '2026-10-20', 8, 3.5, 2],
      [2, 2, '2026-10-21', 5, 4.5, 4],
      [3, 3, '2026-10-22', 7, 3.5, 3],
      [4, 4, '2026-04-01', 9, 1, 1],
      [5, 5, '2026-10-01', null, 4, 4],
      [6, 5, '2026-10-15', 6, 1.5, 1],
    ];
    for (const [formId, cid, day, nps, mean, min] of rows) {
      form.run(formId, `SV-2026-00000${formId}`, cid);
      response.run(formId, cid, day, nps, mean, min);
    }
    db.close();
    const alerts = await warningsOn(file, '2026-11-01');
    expect(alerts.map((a) => a.customerId).sort()).toEqual([1, 2, 5]);
    const text = (id: number) => alerts.find((a) => a.customerId === id)?.evidenceText;
    expect(text(1)).toBe('survey SV-2026-000001: lowest score 2/5, NPS 8 (2026-10-20)');
    expect(text(2)).toBe('survey SV-2026-000002: lowest score 4/5, NPS 5 (2026-10-21)');
    expect(text(5)).toBe('survey SV-2026-000006: lowest score 1/5, NPS 6 (2026-10-15)');
  });
});
