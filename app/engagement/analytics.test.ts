import { describe, expect, test } from 'vitest'
import { db } from '~/db/client.server'
import { engagementByTemplate, engagementSeries, headlineRates, parsePeriod, periodStart, ratesOf } from './analytics.server'
import { seedEngagementDemo } from './demo.server'
import { countOne } from './stats.server'

const now = new Date('2026-11-29T12:00:00Z')
const count = (day: string, template: string, locale: string, metric: Parameters<typeof countOne>[2], times = 1) => {
  for (let i = 0; i < times; i++) db.transaction((tx) => countOne(tx, { day, template, locale }, metric))
}

describe('analytics over the daily counts', () => {
  test('rates: delivered and bounced per sent, the rest per delivered; nothing to divide by is null, not 0 %', () => {
    expect(ratesOf({ sent: 200, delivered: 190, opened: 76, clicked: 19, bounced: 10, complained: 1, skipped: 3 })).toEqual({ delivered: 0.95, opened: 0.4, clicked: 0.1, bounced: 0.05, complained: 1 / 190 })
    expect(ratesOf({ sent: 0, delivered: 0, opened: 0, clicked: 0, bounced: 0, complained: 0, skipped: 2 })).toEqual({ delivered: null, opened: null, clicked: null, bounced: null, complained: null })
  })

  test('a period counts the days it covers, today included, and no other; unknown periods fall back to 30 days', () => {
    expect(periodStart(7, now)).toBe('2026-11-23')
    expect(parsePeriod('90')).toBe(90)
    expect(parsePeriod('365')).toBe(30)
    expect(parsePeriod(null)).toBe(30)
    count('2026-11-23', 'trial-reminder', 'es', 'sent', 4)
    count('2026-11-23', 'trial-reminder', 'es', 'delivered', 4)
    count('2026-11-23', 'trial-reminder', 'es', 'clicked')
    count('2026-11-22', 'trial-reminder', 'es', 'sent', 100)
    count('2026-11-29', 'trial-reminder', 'fr', 'sent', 2)
    count('2026-11-29', 'trial-reminder', 'fr', 'delivered', 2)
    count('2026-11-29', 'trial-reminder', 'fr', 'clicked', 2)
    const rows = engagementByTemplate(7, now).filter((r) => r.template === 'trial-reminder')
    expect(rows.map((r) => [r.locale, r.sent, r.clicked, r.rates.clicked])).toEqual([
      ['es', 4, 1, 0.25],
      ['fr', 2, 2, 1],
    ])
    // The template's headline adds its languages up; a language has its own.
    expect(headlineRates(now).template('trial-reminder')).toMatchObject({ sent: 106 })
    expect(headlineRates(now).cell('trial-reminder', 'es')).toMatchObject({ sent: 104 })
    expect(headlineRates(now).cell('welcome', 'en')).toBeNull()
  })

  test('the series has one point per day (per week over 90 days), zeros included, oldest first', () => {
    count('2026-11-25', 'invitation', 'en', 'sent', 3)
    const week = engagementSeries(7, now).series.find((s) => s.template === 'invitation')!
    expect(engagementSeries(7, now).bucket).toBe('day')
    expect(week.points.map((p) => [p.start, p.sent])).toEqual([
      ['2026-11-23', 0],
      ['2026-11-24', 0],
      ['2026-11-25', 3],
      ['2026-11-26', 0],
      ['2026-11-27', 0],
      ['2026-11-28', 0],
      ['2026-11-29', 0],
    ])
    const quarter = engagementSeries(90, now)
    expect(quarter.bucket).toBe('week')
    const points = quarter.series.find((s) => s.template === 'invitation')!.points
    expect(points).toHaveLength(13)
    expect(points.reduce((sum, p) => sum + p.sent, 0)).toBe(3)
  })

  test('the demo data goes through the webhook code: every template and language, clicks below opens, a few bounces', () => {
    const { emails, events } = seedEngagementDemo({ days: 3, now })
    expect(emails).toBeGreaterThan(100)
    expect(events).toBeGreaterThan(emails)
    const rows = engagementByTemplate(7, now)
    expect(new Set(rows.map((r) => `${r.template}/${r.locale}`)).size).toBe(14 * 3)
    const total = rows.reduce((t, r) => ({ sent: t.sent + r.sent, delivered: t.delivered + r.delivered, opened: t.opened + r.opened, clicked: t.clicked + r.clicked }), { sent: 0, delivered: 0, opened: 0, clicked: 0 })
    expect(total.delivered).toBeLessThanOrEqual(total.sent)
    expect(total.clicked).toBeLessThan(total.opened)
  })
})
