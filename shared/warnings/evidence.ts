import type { Language } from '../i18n/language';
import type { Evidence } from './rules';

const yuan = (cents: number) => (cents / 100).toFixed(2);

/**
 * One line of evidence in numbers, for places without the UI's i18n (the CLI,
 * printed visit sheets). The app's pages use the same values through i18next.
 */
export function formatEvidence(e: Evidence, language: Language = 'en'): string {
  const zh = language === 'zh-CN';
  switch (e.rule) {
    case 'inactive': {
      const order = e.lastOrderDate ?? (zh ? '无' : 'none');
      const contact = e.lastInteractionDate ?? (zh ? '无' : 'none');
      return zh ? `最近订单 ${order}，最近联系 ${contact}，已 ${e.days} 天` : `last order ${order}, last contact ${contact}, ${e.days} days`;
    }
    case 'complaint':
      return zh ? `${e.open} 件投诉未解决，最早 ${e.oldestOpenedAt.slice(0, 10)}` : `${e.open} unresolved complaint(s), oldest opened ${e.oldestOpenedAt.slice(0, 10)}`;
    case 'negative_feedback': {
      const s = e.survey;
      if (s) {
        const min = s.minScore === null ? '—' : String(s.minScore);
        const nps = s.nps === null ? '—' : String(s.nps);
        return zh ? `调研表 ${s.formNo}：最低分 ${min} 分，NPS ${nps}（${e.on ?? '—'}）` : `survey ${s.formNo}: lowest score ${min}/5, NPS ${nps} (${e.on ?? '—'})`;
      }
      return zh ? `满意度 ${e.score} 分（${e.on ?? '—'}）` : `satisfaction ${e.score}/5 (${e.on ?? '—'})`;
    }
    case 'order_drop': {
      const [a, b, c] = e.amountsCents;
      const [m1, m2, m3] = e.months;
      return zh
        ? `订单额 ${m1} ¥${yuan(a)} → ${m2} ¥${yuan(b)}（−${e.dropPercents[0]}%）→ ${m3} ¥${yuan(c)}（−${e.dropPercents[1]}%）`
        : `orders ${m1} ¥${yuan(a)} → ${m2} ¥${yuan(b)} (−${e.dropPercents[0]}%) → ${m3} ¥${yuan(c)} (−${e.dropPercents[1]}%)`;
    }
    case 'predicted_churn':
      return zh ? `仍活跃概率 ${(e.pAlive * 100).toFixed(0)}%（阈值 ${(e.threshold * 100).toFixed(0)}%）` : `probability alive ${(e.pAlive * 100).toFixed(0)}% (threshold ${(e.threshold * 100).toFixed(0)}%)`;
  }
}
