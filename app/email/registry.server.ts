import type { ReactElement } from 'react'
import * as invitation from '#emails/invitation'
import * as subscriptionCreated from '#emails/subscription-created'
import * as trialReminder from '#emails/trial-reminder'
import * as welcome from '#emails/welcome'
import type { EventInput } from '#emails/types'
import * as welcomeFollowUp from '#emails/welcome-follow-up'
import type { eventCatalogue, EventContext, EventData, EventName } from '~/events'

export const TEMPLATE_IDS = ['welcome', 'welcome-follow-up', 'subscription-created', 'trial-reminder', 'invitation'] as const
export type TemplateId = (typeof TEMPLATE_IDS)[number]

export type { EventContext, EventData }
type SampleKey<E extends EventName> = Extract<keyof (typeof eventCatalogue)[E]['samples'], string>

/** What a template's props are built from (declared beside the templates, `emails/types.ts`). */
export type PropsInput<E extends EventName> = EventInput<E>

export interface TemplateDefinition<E extends EventName, P, I extends TemplateId = TemplateId> {
  id: I
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

function defineTemplate<const I extends TemplateId, const E extends EventName, P>(definition: TemplateDefinition<E, P, I>) {
  return definition
}

/**
 * Every email Courrier sends. Functions send through `sendEmail` and the studio previews through
 * `renderEmail`; both read this table, so a preview is exactly what a real run sends.
 */
export const templates = {
  welcome: defineTemplate({
    id: 'welcome',
    event: 'user/registered',
    description: 'Sent as soon as a user signs up.',
    component: welcome.WelcomeEmail,
    subject: welcome.subject,
    previewText: welcome.previewText,
    samples: ['new-user-fr', 'new-user-en', 'new-user-es-long-name'],
    props: welcome.fromEvent,
  }),
  'welcome-follow-up': defineTemplate({
    id: 'welcome-follow-up',
    event: 'user/registered',
    description: '24 hours after signup: how it is going, tips to get started, a way back to the dashboard.',
    component: welcomeFollowUp.WelcomeFollowUpEmail,
    subject: welcomeFollowUp.subject,
    previewText: welcomeFollowUp.previewText,
    samples: ['new-user-fr', 'new-user-en', 'new-user-es-long-name'],
    props: welcomeFollowUp.fromEvent,
  }),
  'subscription-created': defineTemplate({
    id: 'subscription-created',
    event: 'stripe/subscription.created',
    description: 'Confirms a new Stripe subscription, with its trial end when there is one.',
    component: subscriptionCreated.SubscriptionCreatedEmail,
    subject: subscriptionCreated.subject,
    previewText: subscriptionCreated.previewText,
    samples: ['trial-pro-fr', 'trial-team-en', 'active-no-trial-es'],
    props: subscriptionCreated.fromEvent,
  }),
  'trial-reminder': defineTemplate({
    id: 'trial-reminder',
    event: 'trial/reminder',
    description: "Reminds an organization's owner that the trial ends soon; skipped when no longer trialing.",
    component: trialReminder.TrialReminderEmail,
    subject: trialReminder.subject,
    previewText: trialReminder.previewText,
    samples: ['pro-trial'],
    props: trialReminder.fromEvent,
  }),
  invitation: defineTemplate({
    id: 'invitation',
    event: 'organization/invitation.created',
    description: 'Invites someone to an organization; the accept link is derived from the invitation id.',
    component: invitation.InvitationEmail,
    subject: invitation.subject,
    previewText: invitation.previewText,
    samples: ['invite-fr', 'invite-es-long-org'],
    props: invitation.fromEvent,
  }),
}

// Every id has its entry, under its own name (checked here rather than with `satisfies`, which would
// widen the inference of each entry's event).
const _everyTemplateHasItsId: { [T in TemplateId]: { id: T } } = templates

export type Templates = typeof templates
export type TemplateEvent<T extends TemplateId> = Templates[T]['event']
export type TemplateData<T extends TemplateId> = EventData<TemplateEvent<T>>
export type TemplateContext<T extends TemplateId> = EventContext<TemplateEvent<T>>
/** Everything a template is rendered from: its event's data and what the step read fresh (a sample's, in previews). */
export type TemplateInput<T extends TemplateId> = { data: TemplateData<T> } & (TemplateContext<T> extends undefined ? { context?: undefined } : { context: TemplateContext<T> })

export function isTemplateId(value: unknown): value is TemplateId {
  return typeof value === 'string' && (TEMPLATE_IDS as readonly string[]).includes(value)
}
