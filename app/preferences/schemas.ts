import { z } from 'zod'
import { LIFECYCLE_TOPICS, type LifecycleTopic } from '~/email/categories'

/** The preferences form: one checkbox per lifecycle list (checked: "on"; unchecked: absent). */
export const PreferencesSchema = z.object(
  Object.fromEntries(LIFECYCLE_TOPICS.map((topic) => [topic, z.literal('on', { error: 'errors.rejected' }).optional()])) as Record<
    LifecycleTopic,
    z.ZodOptional<z.ZodLiteral<'on'>>
  >,
)
