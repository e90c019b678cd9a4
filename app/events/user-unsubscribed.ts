import { eventType } from './event-type'
import { z } from 'zod'
import { LIFECYCLE_TOPICS } from '~/email/categories'
import { IdSchema } from './ids'
import { defineSamples } from './samples'

/**
 * A user left a lifecycle list (one-click link, unsubscribe page or preferences). Every running journey
 * of theirs that sends to that list is cancelled by it (`cancelOn`, matched on the user id); the steps
 * still read the suppression list, so a cancellation that arrives late sends nothing either.
 */
export const UserUnsubscribedSchema = z.object({ userId: IdSchema, topic: z.enum(LIFECYCLE_TOPICS) })
export type UserUnsubscribed = z.infer<typeof UserUnsubscribedSchema>

export const userUnsubscribed = eventType('user/unsubscribed', { schema: UserUnsubscribedSchema })

export const userUnsubscribedSamples = defineSamples({ data: UserUnsubscribedSchema }, {
  'left-onboarding': { label: 'Left the onboarding series', data: { userId: 'usr_sample_en', topic: 'onboarding' } },
})
