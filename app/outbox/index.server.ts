import { count, eq } from 'drizzle-orm'
import { db } from '~/db/client.server'
import { outboxEvents } from '~/db/schema'
import { env } from '~/env.server'
import { OutboxRelay } from './relay.server'

export { enqueueEvent } from './outbox.server'

/** How many events wait in the outbox for the relay to hand them to Inngest (new ones and retries). */
export function waitingEventCount(): number {
  return db.select({ n: count() }).from(outboxEvents).where(eq(outboxEvents.status, 'pending')).get()?.n ?? 0
}

const globalForRelay = globalThis as unknown as { __courrierRelay?: OutboxRelay }

/** This process's relay, created once (and kept across dev-server reloads). */
export function getRelay(): OutboxRelay {
  return (globalForRelay.__courrierRelay ??= new OutboxRelay({
    sqlite: db.$client,
    // Inngest's SDK loads with the first batch, not at the server's start (docs/decisions/0085-inngest-loads-on-first-use.md).
    send: async (events) => (await import('~/inngest/client.server')).inngest.send(events),
    log: (message) => console.warn(message),
    secrets: [env.INNGEST_EVENT_KEY, env.INNGEST_SIGNING_KEY].filter((s): s is string => Boolean(s)),
  }))
}

export function startRelay() {
  if (env.OUTBOX_RELAY) getRelay().start()
}

/** Call after committing a transaction that enqueued events. */
export function kickRelay() {
  if (env.OUTBOX_RELAY) getRelay().kick()
}
