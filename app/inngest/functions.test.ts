import { EventType } from 'inngest'
import { describe, expect, test } from 'vitest'
import { eventCatalogue } from '~/events'
import { functions } from './functions.server'

// The catalogue's event types are built without the SDK (app/events/event-type.ts); the SDK takes a
// trigger's schema only from its own EventType, and would otherwise run the function on the event's name
// with its data unchecked.
describe('function triggers', () => {
  const eventTriggers = functions.flatMap((fn) => ((fn.opts.triggers ?? []) as object[]).filter((t) => !('cron' in t)).map((trigger) => ({ id: fn.opts.id, trigger })))

  test('every function is triggered by an event of the catalogue or a cron', () => {
    expect(eventTriggers.length).toBeGreaterThanOrEqual(functions.length - 1)
  })

  test.each(eventTriggers)('$id: its trigger is the SDK’s own EventType, with the catalogue’s schema', ({ trigger }) => {
    expect(trigger).toBeInstanceOf(EventType)
    const { name, schema } = trigger as unknown as EventType<keyof typeof eventCatalogue, never>
    expect(schema).toBe(eventCatalogue[name].schema)
  })

  test('a catalogue event type builds the event the SDK’s create() builds', async () => {
    const catalogue = eventCatalogue['user/registered'].type
    const sdk = new EventType({ name: catalogue.name, schema: catalogue.schema })
    const options = { id: 'evt_1', ts: 1_700_000_000_000 }
    const strip = ({ validate: _, ...event }: { validate: () => Promise<void> }) => event
    expect(strip(catalogue.create({ userId: 'usr_1' }, options))).toEqual(strip(sdk.create({ userId: 'usr_1' }, options)))
    await expect(catalogue.create({ userId: 'usr_1' }, options).validate()).resolves.toBeUndefined()
    await expect(catalogue.create({ userId: 42 } as never, options).validate()).rejects.toThrow(/userId/)
  })
})
