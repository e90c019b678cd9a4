import { sql } from 'drizzle-orm'
import type { DB } from '~/db/client.server'
import { epochMs, prepared } from '~/db/prepared.server'
import { subscriptions } from '~/db/schema'
import type { SubscriptionSnapshot } from './stripe-objects'

type Tx = Parameters<Parameters<DB['transaction']>[0]>[0]

// Stripe never moves a subscription out of these.
const TERMINAL = sql.raw(`('canceled', 'incomplete_expired')`)

/**
 * Stores what a subscription event reports, unless a newer event was already applied. Stripe does not
 * deliver events in order and `created` has one-second resolution, so on a tie: a `created` event never
 * wins (anything else about the subscription happened after it), a terminal status is never replaced,
 * and otherwise the later arrival wins.
 */
export function applySubscriptionSnapshot(tx: Tx | DB, snapshot: SubscriptionSnapshot, event: { created: number; kind: 'created' | 'updated' | 'deleted' }) {
  const statement = (event.kind === 'created' ? upsertOfCreated : upsert)(tx)
  statement.run({ ...snapshot, trialEnd: epochMs(snapshot.trialEnd), lastEventAt: event.created })
}

const upsert = prepared((tx: Tx | DB) => prepareUpsert(tx, false))
const upsertOfCreated = prepared((tx: Tx | DB) => prepareUpsert(tx, true))
function prepareUpsert(tx: Tx | DB, created: boolean) {
  const newer = sql`excluded.last_event_at > ${subscriptions.lastEventAt}`
  const tie = sql`excluded.last_event_at = ${subscriptions.lastEventAt} AND ${subscriptions.status} NOT IN ${TERMINAL}`
  return tx
    .insert(subscriptions)
    .values({
      id: sql.placeholder('id'),
      customerId: sql.placeholder('customerId'),
      status: sql.placeholder('status'),
      priceId: sql.placeholder('priceId'),
      trialEnd: sql`${sql.placeholder('trialEnd')}`,
      lastEventAt: sql.placeholder('lastEventAt'),
    })
    .onConflictDoUpdate({
      target: subscriptions.id,
      set: {
        customerId: sql`excluded.customer_id`,
        status: sql`excluded.status`,
        priceId: sql`excluded.price_id`,
        trialEnd: sql`excluded.trial_end`,
        lastEventAt: sql`excluded.last_event_at`,
        updatedAt: sql`(unixepoch('subsec') * 1000)`,
      },
      setWhere: created ? newer : sql`${newer} OR (${tie})`,
    })
    .prepare()
}
