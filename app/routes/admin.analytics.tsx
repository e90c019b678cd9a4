import { useTranslation } from '~/i18n/translation'
import { Link } from 'react-router'
import type { Route } from './+types/admin.analytics'
import { titleMeta } from '~/components/title-meta'
import { requireStudioUser } from '~/auth/roles.server'
import { engagementByTemplate, engagementSeries, parsePeriod, skipsByReason } from '~/engagement/analytics.server'
import { PERIODS } from '~/engagement/periods'
import { getInstance } from '~/i18n/i18next.server'
import { DataTable } from '~/studio/ui/data-table'
import { EngagementChart, usePercent } from '~/studio/ui/engagement-chart'
import { useStudioFormat } from '~/studio/ui/format'

export async function loader({ request, context }: Route.LoaderArgs) {
  await requireStudioUser(request)
  const period = parsePeriod(new URL(request.url).searchParams.get('period'))
  return {
    title: getInstance(context).t('engagement.title'),
    period,
    rows: engagementByTemplate(period),
    series: engagementSeries(period),
    skips: skipsByReason(period),
  }
}

export const meta: Route.MetaFunction = titleMeta

export default function Analytics({ loaderData: { period, rows, series, skips } }: Route.ComponentProps) {
  const { t, i18n } = useTranslation()
  const numbers = new Intl.NumberFormat(i18n.language)
  const number = (n: number) => numbers.format(n)
  const percent = usePercent()
  // Named in the interface's language ("Anglais" in French), capitalised as a cell on its own.
  const { languageLabel: language } = useStudioFormat()
  return (
    <>
      <h1>{t('engagement.title')}</h1>
      <nav className="segmented" aria-label={t('engagement.period')}>
        {PERIODS.map((days) => (
          <Link key={days} to={`?period=${days}`} aria-current={days === period ? 'true' : undefined}>
            {t('engagement.lastDays', { count: days })}
          </Link>
        ))}
      </nav>
      <p className="hint" data-testid="opens-caveat">
        {t('engagement.opensCaveat')}
      </p>
      <h2>{t('engagement.byTemplate')}</h2>
      <DataTable
        testId="engagement-table"
        label={t('engagement.byTemplate')}
        rows={rows}
        empty={<p data-testid="engagement-empty">{t('engagement.empty')}</p>}
        columns={[
          t('engagement.template'),
          t('engagement.language'),
          t('engagement.metric.sent'),
          t('engagement.metric.delivered'),
          t('engagement.metric.clicked'),
          t('engagement.metric.opened'),
          t('engagement.metric.bounced'),
          t('engagement.metric.complained'),
          t('engagement.metric.skipped'),
        ]}
      >
        {(row) => (
          <tr key={`${row.template}/${row.locale}`} data-template={row.template} data-locale={row.locale}>
            <th scope="row">
              <Link to={`/admin/emails/${row.template}`} className="mono">
                {row.template}
              </Link>
            </th>
            <td>{language(row.locale)}</td>
            <td className="num" data-metric="sent">
              {number(row.sent)}
            </td>
            <td className="num" data-metric="delivered">
              {percent(row.rates.delivered)} <span className="count">({number(row.delivered)})</span>
            </td>
            <td className="num" data-metric="clicked">
              <strong>{percent(row.rates.clicked)}</strong> <span className="count">({number(row.clicked)})</span>
            </td>
            <td className="num" data-metric="opened">
              {percent(row.rates.opened)} <span className="count">({number(row.opened)})</span>
            </td>
            <td className="num" data-metric="bounced">
              {percent(row.rates.bounced)} <span className="count">({number(row.bounced)})</span>
            </td>
            <td className="num" data-metric="complained">
              {percent(row.rates.complained)} <span className="count">({number(row.complained)})</span>
            </td>
            <td className="num" data-metric="skipped">
              {number(row.skipped)}
            </td>
          </tr>
        )}
      </DataTable>
      <p className="hint">{t('engagement.ratesExplained')}</p>
      {skips.length > 0 ? (
        <>
          <h2>{t('engagement.skipsTitle')}</h2>
          <ul data-testid="skips">
            {skips.map((s) => (
              <li key={s.reason}>
                {t(`engagement.skipReason.${s.reason as 'bounced'}`, { defaultValue: s.reason })}: {number(s.count)}
              </li>
            ))}
          </ul>
          <p>
            <Link to="/admin/suppressions">{t('engagement.seeSuppressions')}</Link>
          </p>
        </>
      ) : null}
      {series.series.length > 0 ? <h2>{t('engagement.overTime')}</h2> : null}
      {series.series.map(({ template, points }) => (
        <EngagementChart key={template} testId={`chart-${template}`} title={t('engagement.chartTitle', { template, count: period })} points={points} bucket={series.bucket} />
      ))}
    </>
  )
}
