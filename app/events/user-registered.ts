import { eventType } from 'inngest'
import { z } from 'zod'
import { IdSchema } from './ids'
import { PersonNameSchema } from './person-name'
import { defineSamples } from './samples'

/**
 * A user signed up. The event carries the id only: the steps that email them read their name, address
 * and language when they send (docs/decisions/0011-events-carry-ids.md).
 */
export const UserRegisteredSchema = z.object({ userId: IdSchema })
export type UserRegistered = z.infer<typeof UserRegisteredSchema>

export const userRegistered = eventType('user/registered', { schema: UserRegisteredSchema })

/** What the welcome journey's steps read about the user and show in its emails. */
export const UserContextSchema = z.object({
  userName: PersonNameSchema,
})

export const userRegisteredSamples = defineSamples(
  { data: UserRegisteredSchema, context: UserContextSchema },
  {
    'new-user-fr': { label: 'New user, French', data: { userId: 'usr_sample_fr' }, context: { userName: 'Camille Dupont' } },
    'new-user-en': { label: 'New user, English', data: { userId: 'usr_sample_en' }, context: { userName: 'Alex Morgan' } },
    'new-user-es-long-name': {
      label: 'New user, long Spanish name',
      data: { userId: 'usr_sample_es' },
      context: { userName: 'María de los Ángeles Fernández-Villaverde y Santiesteban' },
    },
  },
)
