import { useTranslation } from '~/i18n/translation'
import type { CheckResult } from '../checks/types'

/** Brand names, the same in every language. */
const FAMILY_NAMES: Record<string, string> = { gmail: 'Gmail', 'apple-mail': 'Apple Mail', outlook: 'Outlook', yahoo: 'Yahoo Mail', 'samsung-email': 'Samsung Email' }

/**
 * Compatibility as a matrix: one row per client family the audience uses, one column per feature a
 * client does not fully support. A cell names the platforms concerned (Outlook on Windows but not on the
 * web); an empty cell is full support. Reads down a column ("who breaks on this?") and along a row
 * ("what does Outlook do to us?"), where a list made people stop reading.
 */
export function CompatMatrix({ checks, families }: { checks: CheckResult[]; families: string[] }) {
  const { t } = useTranslation()
  const compat = checks.find((c) => c.id === 'compat')
  // Columns are what breaks (counted in the badge); partial support stays in the list of findings.
  const findings = (compat?.findings ?? []).filter((f) => f.key === 'compatUnsupported')
  if (findings.length === 0) return <p className="hint">{t('studio.compat.allSupported')}</p>
  const clientsOf = (finding: (typeof findings)[number], family: string) =>
    String(finding.params?.clients ?? '')
      .split(', ')
      .filter((client) => client.split('.')[0] === family)
      .map((client) => client.split('.').slice(1).join('.'))
  return (
    // Wider than a phone: a named, focusable region, so a keyboard can scroll it (WCAG 2.1.1).
    <div className="table-scroll" tabIndex={0} role="region" aria-label={t('studio.compat.caption')}>
      <table className="data compat-matrix" data-testid="compat-matrix">
        <caption>{t('studio.compat.caption')}</caption>
        <thead>
          <tr>
            <th scope="col">{t('studio.compat.client')}</th>
            {findings.map((finding) => (
              <th key={`${finding.key}|${finding.params?.feature}`} scope="col" data-support={finding.key === 'compatUnsupported' ? 'none' : 'partial'}>
                <span translate="no">{finding.params?.feature}</span>
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {families.map((family) => (
            <tr key={family} data-family={family}>
              <th scope="row" translate="no">
                {FAMILY_NAMES[family] ?? family}
              </th>
              {findings.map((finding) => {
                const platforms = clientsOf(finding, family)
                const support = platforms.length === 0 ? 'full' : finding.key === 'compatUnsupported' ? 'none' : 'partial'
                return (
                  <td key={`${finding.key}|${finding.params?.feature}`} className={`compat-${support}`} data-support={support}>
                    <span aria-hidden="true">{support === 'full' ? '✓' : support === 'none' ? '✕' : '◐'}</span>{' '}
                    <span className="visually-hidden">{t(`studio.compat.${support}`)}</span>
                    {platforms.length ? (
                      <span className="compat-platforms" translate="no">
                        {' '}
                        {platforms.join(', ')}
                      </span>
                    ) : null}
                  </td>
                )
              })}
            </tr>
          ))}
        </tbody>
      </table>
      <p className="hint compat-legend">
        ✕ {t('studio.compat.none')} · ◐ {t('studio.compat.partial')} · ✓ {t('studio.compat.full')}
      </p>
    </div>
  )
}
