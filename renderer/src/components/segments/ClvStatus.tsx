import { useTranslation } from 'react-i18next';
import type { SegmentRunDto } from '../../../../shared/domain/segments';

const n = (v: number) => v.toPrecision(3);

/** The fitted CLV parameters per customer kind, or why there are none. */
export function ClvStatus({ run }: { run: SegmentRunDto }) {
  const { t } = useTranslation();
  return (
    <section className="card" aria-labelledby="seg-clv">
      <h2 id="seg-clv" className="section-title">
        {t('segments.clv.heading')}
      </h2>
      <ul className="seg-clv">
        {(['person', 'company'] as const).map((kind) => {
          const fit = run.clv[kind];
          return (
            <li key={kind} data-testid={`clv-${kind}`}>
              <strong>{t(`segments.clv.${kind}`)}</strong>{' '}
              {fit.ok
                ? t('segments.clv.fitted', { customers: fit.customers, r: n(fit.bgnbd.r), alpha: n(fit.bgnbd.alpha), a: n(fit.bgnbd.a), b: n(fit.bgnbd.b), p: n(fit.gammaGamma.p), q: n(fit.gammaGamma.q), gamma: n(fit.gammaGamma.gamma) })
                : t('segments.clv.failed', { detail: `${t(fit.reason === 'too_little_data' ? 'segments.clv.tooLittle' : 'segments.clv.notConverged')} (${fit.detail})` })}
            </li>
          );
        })}
      </ul>
    </section>
  );
}
