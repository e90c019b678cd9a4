import { and, asc, eq, gte, or, sql } from 'drizzle-orm'
import { db } from '~/db/client.server'
import { emailDailyStats, emailEvents, emailSkips, mailboxMessages, type EmailEventDetail } from '~/db/schema'
import { utcDay } from './stats.server'

import { DEFAULT_PERIOD, PERIODS, type Period } from './periods'

export function parsePeriod(value: string | null): Period {
  const days = Number(value)
  return (PERIODS as readonly number[]).includes(days) ? (days as Period) : DEFAULT_PERIOD
}

export type Counts = { sent: number; delivered: number; opened: number; clicked: number; bounced: number; complained: number; skipped: number }
/**
 * Rates as marketers read them: delivered and bounced per email sent; opened, clicked and complained per
 * email delivered (null when nothing was delivered). Each email counts once per kind, however many times it
 * was opened or clicked.
 */
export type Rates = { delivered: number | null; opened: number | null; clicked: number | null; bounced: number | null; complained: number | null }

export function ratesOf(c: Counts): Rates {
  const per = (n: number, d: number) => (d > 0 ? n / d : null)
  return { delivered: per(c.delivered, c.sent), opened: per(c.opened, c.delivered), clicked: per(c.clicked, c.delivered), bounced: per(c.bounced, c.sent), complained: per(c.complained, c.delivered) }
}

const sums = {
  sent: sql<number>`sum(${emailDailyStats.sent})`.mapWith(Number),
  delivered: sql<number>`sum(${emailDailyStats.delivered})`.mapWith(Number),
  opened: sql<number>`sum(${emailDailyStats.opened})`.mapWith(Number),
  clicked: sql<number>`sum(${emailDailyStats.clicked})`.mapWith(Number),
  bounced: sql<number>`sum(${emailDailyStats.bounced})`.mapWith(Number),
  complained: sql<number>`sum(${emailDailyStats.complained})`.mapWith(Number),
  skipped: sql<number>`sum(${emailDailyStats.skipped})`.mapWith(Number),
}

/** The first UTC day of a period that ends today (today included). */
export function periodStart(period: Period, now = new Date()): string {
  return utcDay(new Date(now.getTime() - (period - 1) * 86_400_000))
}

/** Per template and language over the period: counts and rates, read from the daily counts (never the raw events). */
export function engagementByTemplate(period: Period, now = new Date()) {
  const rows = db
    .select({ template: emailDailyStats.template, locale: emailDailyStats.locale, ...sums })
    .from(emailDailyStats)
    .where(gte(emailDailyStats.day, periodStart(period, now)))
    .groupBy(emailDailyStats.template, emailDailyStats.locale)
    .orderBy(asc(emailDailyStats.template), asc(emailDailyStats.locale))
    .all()
  return rows.map((row) => ({ ...row, rates: ratesOf(row) }))
}

/**
 * Per template, the counts for each day of the period (or each week, for 90 days): what the charts draw and
 * the tables beside them list. Buckets with nothing sent are there, with zeros, so a gap is visible.
 */
export function engagementSeries(period: Period, now = new Date()) {
  const start = periodStart(period, now)
  const rows = db
    .select({ day: emailDailyStats.day, template: emailDailyStats.template, ...sums })
    .from(emailDailyStats)
    .where(gte(emailDailyStats.day, start))
    .groupBy(emailDailyStats.day, emailDailyStats.template)
    .all()
  const bucketDays = period === 90 ? 7 : 1
  const startMs = Date.parse(`${start}T00:00:00Z`)
  const buckets = Math.ceil(period / bucketDays)
  const bucketStart = (i: number) => utcDay(new Date(startMs + i * bucketDays * 86_400_000))
  const series = new Map<string, Array<{ start: string } & Counts>>()
  for (const row of rows) {
    let points = series.get(row.template)
    if (!points) {
      points = Array.from({ length: buckets }, (_, i) => ({ start: bucketStart(i), sent: 0, delivered: 0, opened: 0, clicked: 0, bounced: 0, complained: 0, skipped: 0 }))
      series.set(row.template, points)
    }
    const index = Math.min(buckets - 1, Math.floor((Date.parse(`${row.day}T00:00:00Z`) - startMs) / (bucketDays * 86_400_000)))
    const point = points[index]!
    for (const key of ['sent', 'delivered', 'opened', 'clicked', 'bounced', 'complained', 'skipped'] as const) point[key] += row[key]
  }
  return { bucket: bucketDays === 7 ? ('week' as const) : ('day' as const), series: [...series.entries()].sort(([a], [b]) => a.localeCompare(b)).map(([template, points]) => ({ template, points })) }
}

/** Headline rates per template, and per template and language, over the last 30 days: the studio's grid and template page show them. */
export function headlineRates(now = new Date()) {
  const rows = engagementByTemplate(30, now)
  const byTemplate = new Map<string, Counts>()
  for (const row of rows) {
    const total = byTemplate.get(row.template) ?? { sent: 0, delivered: 0, opened: 0, clicked: 0, bounced: 0, complained: 0, skipped: 0 }
    for (const key of ['sent', 'delivered', 'opened', 'clicked', 'bounced', 'complained', 'skipped'] as const) total[key] += row[key]
    byTemplate.set(row.template, total)
  }
  return {
    template: (template: string) => {
      const counts = byTemplate.get(template)
      return counts ? { sent: counts.sent, rates: ratesOf(counts) } : null
    },
    cell: (template: string, locale: string) => {
      const row = rows.find((r) => r.template === template && r.locale === locale)
      return row ? { sent: row.sent, rates: row.rates } : null
    },
  }
}

export type TimelineEntry = { type: string; at: string; detail: EmailEventDetail | null }

/** A mailbox message's life after it left: every Resend event about it, in the order they happened. */
export function messageTimeline(message: { id: string; providerId: string | null }): TimelineEntry[] {
  const about = message.providerId ? or(eq(emailEvents.messageId, message.id), eq(emailEvents.emailId, message.providerId)) : eq(emailEvents.messageId, message.id)
  return db
    .select({ type: emailEvents.type, at: emailEvents.occurredAt, detail: emailEvents.detail })
    .from(emailEvents)
    .where(about)
    .orderBy(asc(emailEvents.occurredAt))
    .limit(200)
    .all()
    .map((e) => ({ ...e, at: e.at.toISOString() }))
}

/** Emails not sent over the period, by reason (the analytics page shows why). */
export function skipsByReason(period: Period, now = new Date()) {
  const since = new Date(Date.parse(`${periodStart(period, now)}T00:00:00Z`))
  return db
    .select({ reason: emailSkips.reason, count: sql<number>`count(*)`.mapWith(Number) })
    .from(emailSkips)
    .where(gte(emailSkips.createdAt, since))
    .groupBy(emailSkips.reason)
    .all()
}

/** The mailbox row's transport and Resend id, for its timeline. */
export function messageDelivery(id: string) {
  return db.select({ id: mailboxMessages.id, providerId: mailboxMessages.providerId, transport: mailboxMessages.transport }).from(mailboxMessages).where(and(eq(mailboxMessages.id, id))).get() ?? null
}

/**
 * What Resend would say about a mailbox message in a webhook (its id, recipient, subject and tags), for
 * `npm run resend:trigger` and the demo data. A local message has no Resend id: its row id stands in.
 */
export function messageAsResendSees(id: string) {
  const row = db
    .select({ id: mailboxMessages.id, providerId: mailboxMessages.providerId, to: mailboxMessages.to, subject: mailboxMessages.subject, template: mailboxMessages.template, locale: mailboxMessages.locale, eventId: mailboxMessages.eventId, createdAt: mailboxMessages.createdAt })
    .from(mailboxMessages)
    .where(eq(mailboxMessages.id, id))
    .get()
  if (!row) return null
  return {
    emailId: row.providerId ?? row.id,
    to: row.to,
    subject: row.subject,
    sentAt: row.createdAt,
    tags: { message: row.id, template: row.template, locale: row.locale, event: (row.eventId ?? 'none').replace(/[^A-Za-z0-9_-]/g, '_') },
  }
}
