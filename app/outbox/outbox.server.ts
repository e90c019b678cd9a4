import { sql } from 'drizzle-orm'
import type { DB } from '~/db/client.server'
import { prepared } from '~/db/prepared.server'
import { outboxEvents } from '~/db/schema'
import { eventCatalogue, type CatalogueEvent } from '~/events'

/** A database handle or the transaction the event must commit with. */
export type Writer = Pick<DB, 'insert'>

const prepareInsert = prepared((writer: Writer) =>
  writer
    .insert(outboxEvents)
    .values({ id: sql.placeholder('id'), name: sql.placeholder('name'), data: sql.placeholder('data'), ts: sql`${sql.placeholder('ts')}` })
    .onConflictDoNothing()
    .prepare(),
)

/**
 * Records an event to deliver; call it inside the transaction that makes the change it reports. Only
 * events built by their catalogue entry are accepted (a misspelt name or a payload of the wrong shape
 * fails the typecheck), and the payload is checked against the schema here too, so nothing that a
 * function would refuse ever enters the outbox. The event id becomes the Inngest event id: a stable id
 * makes a second delivery a no-op at Inngest.
 */
export function enqueueEvent(writer: Writer, event: CatalogueEvent): string {
  const data = eventCatalogue[event.name].schema.parse(event.data) as Record<string, unknown>
  const id = event.id ?? crypto.randomUUID()
  prepareInsert(writer).run({ id, name: event.name, data, ts: event.ts === undefined ? null : new Date(event.ts).getTime() })
  return id
}
