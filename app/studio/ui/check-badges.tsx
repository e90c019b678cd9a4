import { useTranslation } from '~/i18n/translation'
import type { CheckResult, Finding } from '../checks/types'
import { useStudioFormat } from './format'

const ICON = { pass: '✓', warn: '!', fail: '✕' } as const

/**
 * One badge per check, coloured by status (and named, for screen readers), then what the checks found
 * behind a disclosure: a `<details>` works with a keyboard, a screen reader, a touch screen and without
 * JavaScript, where a `title` tooltip on a badge reaches only a mouse.
 */
export function CheckBadges({ checks, locale, withFindings = true }: { checks: CheckResult[]; locale?: string; withFindings?: boolean }) {
  const { t, i18n } = useTranslation()
  const { languageName } = useStudioFormat()
  // Partial support is reference material, not something to fix: it is listed, not counted.
  const found = checks.flatMap((check) => check.findings.filter((f) => !isInfo(f)).map((finding) => ({ check, finding })))
  return (
    <>
      <ul className="badges" aria-label={t('studio.checks.label')} data-locale={locale}>
        {checks.map((check) => {
          const counted = found.filter((f) => f.check === check).length
          return (
            <li key={check.id} className={`badge badge-${check.status}`} data-check={check.id} data-status={check.status}>
              <span aria-hidden="true">{ICON[check.status]}</span> {checkName(t, check)}
              {check.status !== 'pass' && counted > 1 ? <span className="badge-count"> ×{counted}</span> : null}
              <span className="visually-hidden">: {t(`studio.status.${check.status}` as 'studio.status.pass')}</span>
            </li>
          )
        })}
      </ul>
      {withFindings && found.length > 0 ? (
        <details className="badge-findings" data-testid="check-findings">
          <summary>{t('studio.checks.found', { n: found.length })}</summary>
          <ul>
            {found.map(({ check, finding }, i) => (
              <li key={i} className={`finding-${finding.status}`} data-check={check.id}>
                <strong>{checkName(t, check)}</strong> — {findingText(t, finding, languageName, i18n.language)}
              </li>
            ))}
          </ul>
        </details>
      ) : null}
    </>
  )
}

const checkName = (t: T, check: CheckResult) => t(`studio.checks.${check.id}` as 'studio.checks.size')

const isInfo = (finding: Finding) => finding.key === 'compatPartial'

type T = ReturnType<typeof useTranslation>['t']

/**
 * A finding in words, in the interface's language. The grid shows a few hundred findings, the same
 * objects on every request (the studio keeps its checks), so each one's text is kept per language.
 */
export function findingText(t: T, finding: Finding, languageName: (locale: string) => string, lang?: string): string {
  if (lang === undefined) return describe(t, finding, languageName)
  let texts = findingTexts.get(finding)
  if (!texts) findingTexts.set(finding, (texts = new Map()))
  let text = texts.get(lang)
  if (text === undefined) texts.set(lang, (text = describe(t, finding, languageName)))
  return text
}

const findingTexts = new WeakMap<Finding, Map<string, string>>()

function describe(t: T, finding: Finding, languageName: (locale: string) => string): string {
  const params: Record<string, string | number> = { ...finding.params }
  if (typeof params.where === 'string') params.where = t(`studio.where.${params.where}` as 'studio.where.body')
  if (typeof params.locales === 'string') params.locales = params.locales.split(', ').map(languageName).join(', ')
  // Keys and parameters come from the checks, not from literals the type system could follow.
  const translate = t as unknown as (key: string, values: Record<string, string | number>) => string
  return translate(`studio.findings.${finding.key}`, params)
}

/** Every finding of every check, with caniemail's notes under compatibility findings. */
export function Findings({ checks }: { checks: CheckResult[] }) {
  const { t, i18n } = useTranslation()
  const { languageName } = useStudioFormat()
  // What to fix first, then what to look at, then reference material.
  const rank = (f: Finding) => (isInfo(f) ? 2 : f.status === 'fail' ? 0 : 1)
  const all = checks.flatMap((check) => check.findings.map((finding) => ({ check, finding }))).sort((a, b) => rank(a.finding) - rank(b.finding))
  if (all.length === 0) return <p className="hint">{t('studio.checks.allPass')}</p>
  return (
    <ul className="findings">
      {all.map(({ check, finding }, i) => (
        <li key={i} className={`finding finding-${isInfo(finding) ? 'info' : finding.status}`} data-check={check.id}>
          <strong>{t(`studio.checks.${check.id}` as 'studio.checks.size')}</strong> — {findingText(t, finding, languageName, i18n.language)}
          {finding.detail?.length ? (
            <details>
              <summary>{t('studio.checks.notes')}</summary>
              <ul lang="en">
                {finding.detail.map((note, j) => (
                  <li key={j}>{note}</li>
                ))}
              </ul>
            </details>
          ) : null}
        </li>
      ))}
    </ul>
  )
}
