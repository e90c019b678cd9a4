import { useTranslation } from '~/i18n/translation'
import { LOCALES } from '~/i18n/locales'
import type { DetailRender } from '../detail.server'
import type { StudioView } from '../templates.server'
import { CheckBadges, Findings } from './check-badges'
import { CompatMatrix } from './compat-matrix'
import { HeadlineRates, type Headline } from './engagement-chart'
import { useStudioFormat } from './format'

/**
 * The checks in one line: this language's badges, how the other languages fare, and every finding behind
 * a disclosure. A page that opens on 3,500 px of notes teaches people to scroll past them.
 */
export function ChecksSummary({ view, render, engagement }: { view: StudioView; render: DetailRender; engagement: Headline }) {
  const { t } = useTranslation()
  const { languageName, languageLabel } = useStudioFormat()
  const checks = render.locales[view.locale].checks
  const worst = (locale: (typeof LOCALES)[number]) => {
    const statuses = render.locales[locale].checks.map((c) => c.status)
    return statuses.includes('fail') ? 'fail' : statuses.includes('warn') ? 'warn' : 'pass'
  }
  return (
    <section className="panel checks-summary" aria-labelledby="checks-title" data-testid="checks-summary">
      <div className="checks-line">
        <h2 id="checks-title">{t('studio.checks.title')}</h2>
        <CheckBadges checks={checks} withFindings={false} />
        <ul className="badges" aria-label={t('studio.detail.otherLanguages')}>
          {LOCALES.filter((l) => l !== view.locale).map((locale) => (
            <li key={locale} className={`badge badge-${worst(locale)}`} data-locale={locale} data-status={worst(locale)}>
              {languageLabel(locale)}
              <span className="visually-hidden">: {t(`studio.status.${worst(locale)}`)}</span>
            </li>
          ))}
        </ul>
        <HeadlineRates headline={engagement} testId="headline-rates" />
      </div>
      <details className="checks-details" data-testid="checks-details">
        <summary>{t('studio.checks.findingsFor', { language: languageName(view.locale) })}</summary>
        <CompatMatrix checks={checks} families={render.families} />
        <Findings checks={checks.map((check) => (check.id === 'compat' ? { ...check, findings: check.findings.filter((f) => f.key !== 'compatUnsupported') } : check))} />
        <table className="data checks-table">
          <caption className="visually-hidden">{t('studio.checks.everyLanguage')}</caption>
          <tbody>
            {LOCALES.map((locale) => (
              <tr key={locale} aria-current={locale === view.locale ? 'true' : undefined}>
                <th scope="row">{languageLabel(locale)}</th>
                <td>
                  <CheckBadges checks={render.locales[locale].checks} locale={locale} withFindings={false} />
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </details>
    </section>
  )
}
