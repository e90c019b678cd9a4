import { randomUUID } from 'node:crypto'
import type { DB } from '~/db/client.server'
import { outboxEvents } from '~/db/schema'

/** A database handle or the transaction the event must commit with. */
export type Writer = Pick<DB, 'insert'>

export type OutgoingEvent = {
  /** Becomes the Inngest event id: a stable id makes a second delivery a no-op at Inngest. */
  id?: string
  name: string
  data: Record<string, unknown>
  /** When the event takes effect, for scheduled events. */
  ts?: Date
}

/** Records an event to deliver; call it inside the transaction that makes the change it reports. */
export function enqueueEvent(writer: Writer, event: OutgoingEvent): string {
  const id = event.id ?? randomUUID()
  writer
    .insert(outboxEvents)
    .values({ id, name: event.name, data: event.data, ts: event.ts ?? null })
    .onConflictDoNothing()
    .run()
  return id
}
