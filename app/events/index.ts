import type { z } from 'zod'
import { invitationCreated, InvitationContextSchema, invitationCreatedSamples } from './invitation-created'
import {
  passwordChanged,
  PasswordChangedContextSchema,
  passwordChangedSamples,
  PasswordResetContextSchema,
  passwordResetRequested,
  passwordResetRequestedSamples,
} from './password-reset'
import { BillingContextSchema, paymentFailed, paymentFailedSamples, subscriptionCanceled, subscriptionCanceledSamples } from './billing'
import { subscriptionCreated, SubscriptionCreatedContextSchema, subscriptionCreatedSamples } from './subscription-created'
import { trialReminder, TrialReminderContextSchema, trialReminderSamples } from './trial-reminder'
import { ConfirmationContextSchema, emailConfirmationRequested, emailConfirmationRequestedSamples, userActivated, userActivatedSamples } from './user-activation'
import { userDeleted, UserDeletedContextSchema, userDeletedSamples } from './user-deleted'
import { userRegistered, UserContextSchema, userRegisteredSamples } from './user-registered'
import { userUnsubscribed, userUnsubscribedSamples } from './user-unsubscribed'

export * from './billing'
export * from './invitation-created'
export * from './plan'
export * from './password-reset'
export * from './subscription-created'
export * from './trial-reminder'
export * from './user-activation'
export * from './user-deleted'
export * from './user-registered'
export * from './user-unsubscribed'

/**
 * Every event the app emits: its Inngest event type (name + zod schema), the schema of what its steps
 * read fresh for their emails (`context`, when they read any), and named samples. Functions, the code
 * that emits (always through `type.create(...)`), the email studio and the tests all read this one
 * catalogue.
 */
export const eventCatalogue = {
  'user/registered': {
    type: userRegistered,
    schema: userRegistered.schema,
    context: UserContextSchema,
    samples: userRegisteredSamples,
  },
  'stripe/subscription.created': {
    type: subscriptionCreated,
    schema: subscriptionCreated.schema,
    context: SubscriptionCreatedContextSchema,
    samples: subscriptionCreatedSamples,
  },
  'stripe/invoice.payment-failed': {
    type: paymentFailed,
    schema: paymentFailed.schema,
    context: BillingContextSchema,
    samples: paymentFailedSamples,
  },
  'stripe/subscription.canceled': {
    type: subscriptionCanceled,
    schema: subscriptionCanceled.schema,
    context: BillingContextSchema,
    samples: subscriptionCanceledSamples,
  },
  'trial/reminder': {
    type: trialReminder,
    schema: trialReminder.schema,
    context: TrialReminderContextSchema,
    samples: trialReminderSamples,
  },
  'organization/invitation.created': {
    type: invitationCreated,
    schema: invitationCreated.schema,
    context: InvitationContextSchema,
    samples: invitationCreatedSamples,
  },
  'user/password-reset.requested': {
    type: passwordResetRequested,
    schema: passwordResetRequested.schema,
    context: PasswordResetContextSchema,
    samples: passwordResetRequestedSamples,
  },
  'user/password.changed': {
    type: passwordChanged,
    schema: passwordChanged.schema,
    context: PasswordChangedContextSchema,
    samples: passwordChangedSamples,
  },
  'user/activated': {
    type: userActivated,
    schema: userActivated.schema,
    context: undefined,
    samples: userActivatedSamples,
  },
  'user/email-confirmation.requested': {
    type: emailConfirmationRequested,
    schema: emailConfirmationRequested.schema,
    context: ConfirmationContextSchema,
    samples: emailConfirmationRequestedSamples,
  },
  'user/unsubscribed': { type: userUnsubscribed, schema: userUnsubscribed.schema, context: undefined, samples: userUnsubscribedSamples },
  'user/deleted': { type: userDeleted, schema: userDeleted.schema, context: UserDeletedContextSchema, samples: userDeletedSamples },
} as const

export type EventName = keyof typeof eventCatalogue
export type EventData<E extends EventName> = z.output<(typeof eventCatalogue)[E]['schema']>
/** What an event's steps read fresh for its emails; `undefined` for events that carry all they show. */
export type EventContext<E extends EventName> = (typeof eventCatalogue)[E]['context'] extends z.ZodType ? z.output<NonNullable<(typeof eventCatalogue)[E]['context']>> : undefined

/** An event made by its catalogue entry (`userRegistered.create(data, { id })`): the only kind the outbox takes. */
export type CatalogueEvent = {
  [E in EventName]: ReturnType<(typeof eventCatalogue)[E]['type']['create']>
}[EventName]

export function isEventName(value: unknown): value is EventName {
  return typeof value === 'string' && Object.hasOwn(eventCatalogue, value)
}
