import type { eventType as inngestEventType } from 'inngest'

/**
 * The catalogue's event types, without loading Inngest's SDK: the same object as the SDK's
 * `eventType(name, { schema })` (name, schema, version, `create()`), typed as the SDK's, so every
 * module that emits an event, and the studio, import the catalogue and not the SDK (which costs a
 * third of a second and ~9 MB at start-up; docs/decisions/0085-inngest-loads-on-first-use.md).
 *
 * The SDK recognises triggers by class: a function's trigger must be made with `trigger()` from
 * `~/inngest/client.server`, which turns a catalogue type into the SDK's own, with its schema (the SDK
 * validates an incoming event's data against it). app/inngest/functions.test.ts checks every function.
 */
class CatalogueEventType {
  readonly event: string
  readonly name: string
  schema: unknown
  version?: string

  constructor(name: string, schema: unknown, version?: string) {
    this.event = name
    this.name = name
    this.schema = schema
    this.version = version
  }

  /** The event to send, as the SDK's `EventType.create()` builds it. */
  create(data?: Record<string, unknown>, options?: { id?: string; ts?: number; v?: string; meta?: Record<string, unknown> }) {
    const schema = this.schema as
      | {
          '~standard': {
            validate: (
              value: unknown,
            ) =>
              | { issues?: ReadonlyArray<{ message: string; path?: ReadonlyArray<unknown> }> }
              | Promise<{ issues?: ReadonlyArray<{ message: string; path?: ReadonlyArray<unknown> }> }>
          }
        }
      | undefined
    return {
      name: this.name,
      data,
      id: options?.id,
      ts: options?.ts,
      v: options?.v ?? this.version,
      meta: options?.meta,
      validate: async () => {
        if (!schema) return
        if (!data) throw new Error('data is required')
        const check = await schema['~standard'].validate(data)
        if (check.issues)
          throw new Error(check.issues.map((issue) => (issue.path && issue.path.length > 0 ? `${issue.path.join('.')}: ${issue.message}` : issue.message)).join(', '))
      },
    }
  }
}

/** `eventType` from Inngest's SDK, without the SDK. */
export const eventType = ((name: string, { schema, version }: { schema?: unknown; version?: string } = {}) =>
  new CatalogueEventType(name, schema, version)) as unknown as typeof inngestEventType
