import { sql } from 'drizzle-orm'
import type { DB } from '~/db/client.server'
import { prepared } from '~/db/prepared.server'
import { emailDailyStats } from '~/db/schema'

/** A database handle or the transaction a change is written in. */
export type Tx = Pick<DB, 'insert' | 'update' | 'select' | 'delete'>

export const METRICS = ['sent', 'delivered', 'opened', 'clicked', 'bounced', 'complained', 'skipped'] as const
export type Metric = (typeof METRICS)[number]

/** The UTC day (YYYY-MM-DD) a moment belongs to: the unit the daily counts are kept in. */
export function utcDay(at: Date): string {
  return at.toISOString().slice(0, 10)
}

/**
 * Adds one to a daily count, in the caller's transaction. An upsert that adds to the stored value, so two
 * processes counting the same day never lose one (ON CONFLICT … DO UPDATE: SQLite and PostgreSQL alike).
 * Prepared once per database and metric (app/db/prepared.server.ts): every email sent or skipped counts one.
 */
export function countOne(tx: Tx, key: { day: string; template: string; locale: string }, metric: Metric) {
  counts[metric](tx).run(key)
}

const counts = Object.fromEntries(METRICS.map((metric) => [metric, prepared((tx: Tx) => prepareCount(tx, metric))])) as Record<Metric, (tx: Tx) => ReturnType<typeof prepareCount>>
function prepareCount(tx: Tx, metric: Metric) {
  const column = emailDailyStats[metric]
  return tx
    .insert(emailDailyStats)
    .values({ day: sql.placeholder('day'), template: sql.placeholder('template'), locale: sql.placeholder('locale'), [metric]: 1 })
    .onConflictDoUpdate({ target: [emailDailyStats.day, emailDailyStats.template, emailDailyStats.locale], set: { [metric]: sql`${column} + 1` } })
    .prepare()
}
