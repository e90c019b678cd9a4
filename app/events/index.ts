import { invitationCreated, invitationCreatedSamples } from './invitation-created'
import { subscriptionCreated, subscriptionCreatedSamples } from './subscription-created'
import { trialReminder, trialReminderSamples } from './trial-reminder'
import { userRegistered, userRegisteredSamples } from './user-registered'

export * from './invitation-created'
export * from './subscription-created'
export * from './trial-reminder'
export * from './user-registered'

/**
 * Every event the app emits: its Inngest event type (name + zod schema) and named sample payloads.
 * Functions, the routes that emit, the email studio and the tests all read this one catalogue.
 */
export const eventCatalogue = {
  'user/registered': { type: userRegistered, schema: userRegistered.schema, samples: userRegisteredSamples },
  'stripe/subscription.created': { type: subscriptionCreated, schema: subscriptionCreated.schema, samples: subscriptionCreatedSamples },
  'trial/reminder': { type: trialReminder, schema: trialReminder.schema, samples: trialReminderSamples },
  'organization/invitation.created': { type: invitationCreated, schema: invitationCreated.schema, samples: invitationCreatedSamples },
} as const

export type EventName = keyof typeof eventCatalogue
