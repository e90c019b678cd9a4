import type { z } from 'zod'

/**
 * A named scenario for previews and tests: the event's `data`, and, for events whose emails show what
 * the step reads fresh (see `docs/decisions/0011-events-carry-ids.md`), the `context` a step would find.
 */
export type Sample<T, C = undefined> = { label: string; data: T } & (C extends undefined ? { context?: undefined } : { context: C })

/**
 * Named samples, checked against the event's schema (and its context's) when the module loads: in
 * development, the tests and the scripts, which load the whole catalogue. A production build skips the
 * check: the samples are constants the tests have already checked, and their first parse of each
 * schema was ~3 % of the server's cold start (docs/decisions/0008-performance.md, cold start).
 */
export function defineSamples<S extends z.ZodType, K extends string, CS extends z.ZodType | undefined = undefined>(
  schemas: { data: S; context?: CS },
  samples: Record<K, Sample<z.input<S>, CS extends z.ZodType ? z.input<CS> : undefined>>,
): Record<K, Sample<z.output<S>, CS extends z.ZodType ? z.output<CS> : undefined>> {
  // `?.`: scripts run under tsx, where import.meta.env is not defined.
  if (import.meta.env?.PROD) return samples as never
  for (const [key, sample] of Object.entries(samples) as Array<[K, { data: unknown; context?: unknown }]>) {
    const result = schemas.data.safeParse(sample.data)
    if (!result.success) throw new Error(`Sample "${key}" does not match its event schema: ${result.error.message}`)
    if (schemas.context) {
      const context = schemas.context.safeParse(sample.context)
      if (!context.success) throw new Error(`Sample "${key}" does not match its context schema: ${context.error.message}`)
    }
  }
  return samples as never
}
