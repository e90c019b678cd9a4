import { scaleLinear, scalePoint } from 'd3-scale'
import { line } from 'd3-shape'
import { useId } from 'react'
import { dateTimeFormat, numberFormat } from '~/i18n/intl'
import { useTranslation } from '~/i18n/translation'

export type ChartPoint = { start: string; sent: number; delivered: number; opened: number; clicked: number; bounced: number; complained: number }
const SERIES = ['sent', 'delivered', 'clicked', 'opened', 'bounced', 'complained'] as const
// Colour plus a dash pattern per line, so lines are told apart without colour too (WCAG 1.4.1).
const STYLE: Record<(typeof SERIES)[number], { colour: string; dash?: string }> = {
  sent: { colour: '#475569' },
  delivered: { colour: '#0f766e' },
  clicked: { colour: '#1d4ed8' },
  opened: { colour: '#7c3aed', dash: '2 3' },
  bounced: { colour: '#b45309', dash: '6 3' },
  complained: { colour: '#b91c1c', dash: '1 2' },
}

const WIDTH = 640
const HEIGHT = 200
const M = { top: 12, right: 12, bottom: 28, left: 40 }

/**
 * One template's counts over time, drawn on the server as SVG (d3-scale for the axes, d3-shape for the
 * lines): it works without JavaScript and in any browser. The figure holds the same numbers as a table
 * beside the chart, which is what screen readers read (the SVG is described by its caption).
 */
export function EngagementChart({ title, points, bucket, testId }: { title: string; points: ChartPoint[]; bucket: 'day' | 'week'; testId?: string }) {
  const { t, i18n } = useTranslation()
  const id = useId()
  const x = scalePoint<string>()
    .domain(points.map((p) => p.start))
    .range([M.left, WIDTH - M.right])
  const max = Math.max(1, ...points.map((p) => p.sent))
  const y = scaleLinear()
    .domain([0, max])
    .nice(4)
    .range([HEIGHT - M.bottom, M.top])
  // One formatter each per chart: building an Intl formatter per cell was most of a 90-day page's render.
  const dates = dateTimeFormat(i18n.language, { day: 'numeric', month: 'short', timeZone: 'UTC' })
  const numbers = numberFormat(i18n.language)
  const dateLabel = (day: string) => dates.format(new Date(`${day}T00:00:00Z`))
  const every = Math.ceil(points.length / 7)
  return (
    <figure className="engagement-figure" data-testid={testId}>
      <figcaption id={`${id}-caption`}>{title}</figcaption>
      <div className="engagement-figure-body">
        <svg viewBox={`0 0 ${WIDTH} ${HEIGHT}`} role="img" aria-labelledby={`${id}-caption`} className="engagement-chart">
          {y.ticks(4).map((tick) => (
            <g key={tick}>
              <line x1={M.left} x2={WIDTH - M.right} y1={y(tick)} y2={y(tick)} stroke="#e2e8f0" />
              <text x={M.left - 6} y={y(tick)} dy="0.32em" textAnchor="end" fontSize="11" fill="#475569">
                {numbers.format(tick)}
              </text>
            </g>
          ))}
          {points.map((p, i) =>
            i % every === 0 ? (
              <text key={p.start} x={x(p.start)} y={HEIGHT - 8} textAnchor="middle" fontSize="11" fill="#475569">
                {dateLabel(p.start)}
              </text>
            ) : null,
          )}
          {SERIES.map((key) => (
            <path
              key={key}
              d={
                line<ChartPoint>()
                  .x((p) => x(p.start) ?? 0)
                  .y((p) => y(p[key]))(points) ?? ''
              }
              fill="none"
              stroke={STYLE[key].colour}
              strokeWidth={key === 'clicked' ? 2.5 : 1.5}
              strokeDasharray={STYLE[key].dash}
            />
          ))}
        </svg>
        <ul className="engagement-legend" aria-hidden="true">
          {SERIES.map((key) => (
            <li key={key}>
              <svg width="24" height="8" aria-hidden="true">
                <line x1="0" x2="24" y1="4" y2="4" stroke={STYLE[key].colour} strokeWidth="2" strokeDasharray={STYLE[key].dash} />
              </svg>
              {t(`engagement.metric.${key}`)}
            </li>
          ))}
        </ul>
      </div>
      {/* It scrolls (a day per row over 30 days): focusable, so a keyboard can scroll it too. */}
      <div className="table-scroll engagement-figure-table" tabIndex={0} role="region" aria-label={title}>
        <table className="data">
          <caption className="visually-hidden">{title}</caption>
          <thead>
            <tr>
              <th scope="col">{t(bucket === 'week' ? 'engagement.weekOf' : 'engagement.day')}</th>
              {SERIES.map((key) => (
                <th key={key} scope="col" className="num">
                  {t(`engagement.metric.${key}`)}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {points.map((p) => (
              <tr key={p.start}>
                <th scope="row">{dateLabel(p.start)}</th>
                {SERIES.map((key) => (
                  <td key={key} className="num">
                    {numbers.format(p[key])}
                  </td>
                ))}
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </figure>
  )
}

/** Formats rates as percentages in the reader's language ("12,5 %"), a dash when there is nothing to divide by; one formatter per page. */
export function usePercent() {
  const { i18n } = useTranslation()
  const format = numberFormat(i18n.language, { style: 'percent', maximumFractionDigits: 1 })
  return (value: number | null) => (value === null ? '—' : format.format(value))
}

export type Headline = {
  sent: number
  rates: { delivered: number | null; opened: number | null; clicked: number | null; bounced: number | null; complained: number | null }
} | null

/** The last 30 days of one template (or one language of it) in one line, clicks first, beside the checks. */
export function HeadlineRates({ headline, testId }: { headline: Headline; testId?: string }) {
  const { t, i18n } = useTranslation()
  const pct = usePercent()
  return (
    <p className="engagement-rates" data-testid={testId}>
      <span className="visually-hidden">{t('engagement.headline')}: </span>
      {headline && headline.sent > 0
        ? t('engagement.headlineSummary', {
            sent: numberFormat(i18n.language).format(headline.sent),
            clicked: pct(headline.rates.clicked),
            opened: pct(headline.rates.opened),
            bounced: pct(headline.rates.bounced),
          })
        : t('engagement.noData')}
    </p>
  )
}
