import { eventType, Inngest, type EventType } from 'inngest'
import { env } from '~/env.server'

export const inngest = new Inngest({
  id: 'courrier',
  // Cloud mode unless INNGEST_DEV=1, which only the dev scripts and tests set.
  isDev: env.INNGEST_DEV,
  baseUrl: env.INNGEST_BASE_URL,
  eventKey: env.INNGEST_EVENT_KEY,
  signingKey: env.INNGEST_SIGNING_KEY,
})

/**
 * A catalogue event (`~/events`) as a function's trigger: the SDK's own EventType, with the catalogue's
 * schema, which the SDK checks an incoming event's data against. The catalogue's types are built without
 * the SDK (app/events/event-type.ts), and the SDK recognises a trigger's schema by its class: passed as
 * it is, a catalogue type would still trigger the function, by name, but unchecked.
 */
export function trigger<T extends EventType<string, any>>(event: T): T {
  return eventType(event.name, { schema: event.schema as never, version: event.version }) as unknown as T
}
