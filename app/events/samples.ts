import type { z } from 'zod'

export type Sample<T> = { label: string; data: T }

/** Named sample payloads, checked against the event's schema when the module loads. */
export function defineSamples<S extends z.ZodType, K extends string>(
  schema: S,
  samples: Record<K, Sample<z.input<S>>>,
): Record<K, Sample<z.output<S>>> {
  for (const [key, sample] of Object.entries(samples) as Array<[K, Sample<z.input<S>>]>) {
    const result = schema.safeParse(sample.data)
    if (!result.success) throw new Error(`Sample "${key}" does not match its event schema: ${result.error.message}`)
  }
  return samples as Record<K, Sample<z.output<S>>>
}
