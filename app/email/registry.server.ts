import type { ReactElement } from 'react'
import * as accountDeleted from '#emails/account-deleted'
import * as activationReminder from '#emails/activation-reminder'
import * as emailConfirmation from '#emails/email-confirmation'
import * as invitation from '#emails/invitation'
import * as onboardingDay3 from '#emails/onboarding-day-3'
import * as onboardingDay7 from '#emails/onboarding-day-7'
import * as passwordChanged from '#emails/password-changed'
import * as passwordReset from '#emails/password-reset'
import * as paymentFailed from '#emails/payment-failed'
import * as subscriptionCanceled from '#emails/subscription-canceled'
import * as subscriptionCreated from '#emails/subscription-created'
import * as trialReminder from '#emails/trial-reminder'
import * as welcome from '#emails/welcome'
import type { EventInput } from '#emails/types'
import * as welcomeFollowUp from '#emails/welcome-follow-up'
import type { eventCatalogue, EventContext, EventData, EventName } from '~/events'
import { lifecycle, transactional, type TemplateKind } from './categories'

export const TEMPLATE_IDS = [
  'welcome',
  'welcome-follow-up',
  'onboarding-day-3',
  'onboarding-day-7',
  'subscription-created',
  'trial-reminder',
  'invitation',
  'password-reset',
  'password-changed',
  'account-deleted',
  'activation-reminder',
  'email-confirmation',
  'payment-failed',
  'subscription-canceled',
] as const
export type TemplateId = (typeof TEMPLATE_IDS)[number]

export type { EventContext, EventData }
type SampleKey<E extends EventName> = Extract<keyof (typeof eventCatalogue)[E]['samples'], string>

/** What a template's props are built from (declared beside the templates, `emails/types.ts`). */
export type PropsInput<E extends EventName> = EventInput<E>

export interface TemplateDefinition<E extends EventName, P, I extends TemplateId = TemplateId, K extends TemplateKind = TemplateKind> {
  id: I
  /** transactional (always sent) or lifecycle (confirmed, consenting addresses only, with one-click unsubscribe), and its list. */
  kind: K
  /** The event whose data this template is built from. */
  event: E
  /** One line for people browsing templates (the studio). */
  description: string
  component: (props: P) => ReactElement
  subject: (props: P) => string
  previewText: (props: P) => string
  /** Keys of `eventCatalogue[event].samples` that show this template well. */
  samples: readonly SampleKey<E>[]
  /** Builds the component's props from the event data, what the step read, the locale and APP_URL: the template's `fromEvent`. */
  props: (input: PropsInput<E>) => P
}

/** A template module (one file in `emails/`): its component, subject, preview text, description and props builder. */
type TemplateModule<E extends EventName, P> = {
  default: (props: P) => ReactElement
  subject: (props: P) => string
  previewText: (props: P) => string
  description: string
  fromEvent: (input: PropsInput<E>) => P
}

function defineTemplate<const I extends TemplateId, const E extends EventName, P, const K extends TemplateKind>(
  id: I,
  event: E,
  module: TemplateModule<E, P>,
  samples: readonly SampleKey<E>[],
  kind: K,
): TemplateDefinition<E, P, I, K> {
  const { default: component, subject, previewText, description, fromEvent: props } = module
  return { id, kind, event, description, component, subject, previewText, samples, props }
}

/**
 * Every email Courrier sends: its id, the event it is built from, its template module and the catalogue
 * samples that show it well. Functions send through `sendEmail` and the studio previews through
 * `renderEmail`; both read this table, so a preview is exactly what a real run sends.
 */
export const templates = {
  welcome: defineTemplate('welcome', 'user/registered', welcome, ['new-user-fr', 'new-user-en', 'new-user-es-long-name', 'invited-user-confirmed-en'], transactional),
  // D+1 of the onboarding series.
  'welcome-follow-up': defineTemplate('welcome-follow-up', 'user/registered', welcomeFollowUp, ['new-user-fr', 'new-user-en', 'new-user-es-long-name'], lifecycle('onboarding')),
  'onboarding-day-3': defineTemplate('onboarding-day-3', 'user/registered', onboardingDay3, ['day-3-no-organization-fr', 'day-3-owner-alone-en', 'day-3-member-es'], lifecycle('onboarding')),
  'onboarding-day-7': defineTemplate('onboarding-day-7', 'user/registered', onboardingDay7, ['day-7-trial-en', 'day-7-no-subscription-fr', 'day-7-active-es'], lifecycle('onboarding')),
  'subscription-created': defineTemplate('subscription-created', 'stripe/subscription.created', subscriptionCreated, ['trial-starter-en', 'trial-pro-fr', 'active-business-es', 'trial-ended-pro-yearly-en', 'unknown-price-en'], transactional),
  'trial-reminder': defineTemplate('trial-reminder', 'trial/reminder', trialReminder, ['starter-trial', 'pro-trial', 'business-trial'], transactional),
  invitation: defineTemplate('invitation', 'organization/invitation.created', invitation, ['invite-fr', 'invite-es-long-org'], transactional),
  'password-reset': defineTemplate('password-reset', 'user/password-reset.requested', passwordReset, ['reset-en', 'reset-fr', 'reset-es-long-name'], transactional),
  'password-changed': defineTemplate('password-changed', 'user/password.changed', passwordChanged, ['changed-en', 'changed-fr', 'changed-es-long-name'], transactional),
  'account-deleted': defineTemplate('account-deleted', 'user/deleted', accountDeleted, ['deleted-en', 'deleted-fr', 'deleted-es-long-name'], transactional),
  'activation-reminder': defineTemplate('activation-reminder', 'user/registered', activationReminder, ['new-user-fr', 'new-user-en', 'new-user-es-long-name'], transactional),
  'email-confirmation': defineTemplate('email-confirmation', 'user/email-confirmation.requested', emailConfirmation, ['link-again-en', 'link-again-fr', 'link-again-es-long-name'], transactional),
  'payment-failed': defineTemplate('payment-failed', 'stripe/invoice.payment-failed', paymentFailed, ['starter-fr', 'pro-es', 'business-en-last-attempt'], transactional),
  'subscription-canceled': defineTemplate('subscription-canceled', 'stripe/subscription.canceled', subscriptionCanceled, ['starter-en', 'pro-fr', 'business-es-long'], transactional),
}

// Every id has its entry, under its own name (checked here rather than with `satisfies`, which would
// widen the inference of each entry's event).
const _everyTemplateHasItsId: { [T in TemplateId]: { id: T } } = templates

export type Templates = typeof templates
export type TemplateEvent<T extends TemplateId> = Templates[T]['event']
export type TemplateCategory<T extends TemplateId> = Templates[T]['kind']['category']
/** The templates sent only to consenting, confirmed users, with one-click unsubscribe. */
export type LifecycleTemplateId = { [T in TemplateId]: TemplateCategory<T> extends 'lifecycle' ? T : never }[TemplateId]
export type TransactionalTemplateId = Exclude<TemplateId, LifecycleTemplateId>
export type TemplateData<T extends TemplateId> = EventData<TemplateEvent<T>>
export type TemplateContext<T extends TemplateId> = EventContext<TemplateEvent<T>>
/** Everything a template is rendered from: its event's data and what the step read fresh (a sample's, in previews). */
export type TemplateInput<T extends TemplateId> = { data: TemplateData<T> } & (TemplateContext<T> extends undefined ? { context?: undefined } : { context: TemplateContext<T> })

export function isTemplateId(value: unknown): value is TemplateId {
  return typeof value === 'string' && (TEMPLATE_IDS as readonly string[]).includes(value)
}
