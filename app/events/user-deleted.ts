import { eventType } from './event-type'
import { z } from 'zod'
import { IdSchema } from './ids'
import { PersonNameSchema } from './person-name'
import { defineSamples } from './samples'

/**
 * A user deleted their account. The id only: the account is gone, and the confirmation's address waits
 * in a short-lived row the step reads and deletes (`account_deletion_notices`). Every running journey of
 * the user is cancelled by it (`cancelOn`, matched on the user id).
 */
export const UserDeletedSchema = z.object({ userId: IdSchema })
export type UserDeleted = z.infer<typeof UserDeletedSchema>

export const userDeleted = eventType('user/deleted', { schema: UserDeletedSchema })

/** What the confirmation's step reads from the notice row. */
export const UserDeletedContextSchema = z.object({ userName: PersonNameSchema })

export const userDeletedSamples = defineSamples({ data: UserDeletedSchema, context: UserDeletedContextSchema }, {
  'deleted-en': { label: 'Account deleted, English', data: { userId: 'usr_sample_en' }, context: { userName: 'Alex Morgan' } },
  'deleted-fr': { label: 'Account deleted, French', data: { userId: 'usr_sample_fr' }, context: { userName: 'Camille Dupont' } },
  'deleted-es-long-name': {
    label: 'Account deleted, long Spanish name',
    data: { userId: 'usr_sample_es' },
    context: { userName: 'María de los Ángeles Fernández-Villaverde y Santiesteban' },
  },
})
