import type { ReactElement } from 'react'
import type { z } from 'zod'
import * as invitation from '#emails/invitation'
import * as subscriptionCreated from '#emails/subscription-created'
import * as trialReminder from '#emails/trial-reminder'
import * as welcome from '#emails/welcome'
import type { EmailKey, EmailT } from '#emails/types'
import * as welcomeFollowUp from '#emails/welcome-follow-up'
import type { Locale } from '~/i18n/locales'
import type { eventCatalogue, EventName } from '~/events'
import { invitationAcceptUrl } from '~/organizations/invitation-token.server'
import { formatEmailDate } from './i18n.server'

export const TEMPLATE_IDS = ['welcome', 'welcome-follow-up', 'subscription-created', 'trial-reminder', 'invitation'] as const
export type TemplateId = (typeof TEMPLATE_IDS)[number]

export type EventData<E extends EventName> = z.output<(typeof eventCatalogue)[E]['schema']>
type SampleKey<E extends EventName> = Extract<keyof (typeof eventCatalogue)[E]['samples'], string>

/**
 * What the trial reminder needs beyond its event (which carries ids only): loaded when the email is
 * sent, from the organization, its owner and its subscription. `trialEnd` is an ISO date-time.
 */
export interface TrialReminderContext {
  ownerName: string
  organizationName: string
  trialEnd: string | null
}

/** Templates whose event does not carry everything they show take a typed `context` at send time. */
interface ContextByTemplate {
  'trial-reminder': TrialReminderContext
}
export type TemplateContext<T extends TemplateId> = T extends keyof ContextByTemplate ? ContextByTemplate[T] : undefined

export interface PropsInput<E extends EventName, C> {
  data: EventData<E>
  locale: Locale
  /** Base of every link in the email (APP_URL unless told otherwise). */
  appUrl: string
  t: EmailT
  context: C
}

export interface TemplateDefinition<E extends EventName, P, C = undefined, I extends TemplateId = TemplateId> {
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
  /** Builds the component's props from the event data, the locale, APP_URL and the context. */
  props: (input: PropsInput<E, C>) => P
  /** Present when the template needs `context`: what it is, and the value previews use. */
  context?: { description: string; preview: C }
}

function defineTemplate<const I extends TemplateId, const E extends EventName, P, C = undefined>(
  definition: TemplateDefinition<E, P, C, I>,
) {
  return definition
}

const link = (path: string, appUrl: string) => new URL(path, appUrl).href

const STRIPE_STATUSES = ['trialing', 'active', 'incomplete', 'incomplete_expired', 'past_due', 'canceled', 'unpaid', 'paused'] as const
function statusKey(status: string): EmailKey {
  const known = (STRIPE_STATUSES as readonly string[]).includes(status) ? status : 'unknown'
  return `subscriptionCreated.status.${known}` as EmailKey
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
    props: ({ data, locale, appUrl, t }) => ({ t, locale, userName: data.userName, dashboardUrl: link('/dashboard', appUrl) }),
  }),
  'welcome-follow-up': defineTemplate({
    id: 'welcome-follow-up',
    event: 'user/registered',
    description: '24 hours after signup: how it is going, tips to get started, a way back to the dashboard.',
    component: welcomeFollowUp.WelcomeFollowUpEmail,
    subject: welcomeFollowUp.subject,
    previewText: welcomeFollowUp.previewText,
    samples: ['new-user-fr', 'new-user-en', 'new-user-es-long-name'],
    props: ({ data, locale, appUrl, t }) => ({ t, locale, userName: data.userName, dashboardUrl: link('/dashboard', appUrl) }),
  }),
  'subscription-created': defineTemplate({
    id: 'subscription-created',
    event: 'stripe/subscription.created',
    description: 'Confirms a new Stripe subscription, with its trial end when there is one.',
    component: subscriptionCreated.SubscriptionCreatedEmail,
    subject: subscriptionCreated.subject,
    previewText: subscriptionCreated.previewText,
    samples: ['trial-pro-fr', 'trial-team-en', 'active-no-trial-es'],
    props: ({ data, locale, appUrl, t }) => ({
      t,
      locale,
      customerName: data.customerName,
      planName: data.planName,
      statusLabel: t(statusKey(data.status)),
      isTrial: data.status === 'trialing',
      trialEndDate: data.trialEnd ? formatEmailDate(data.trialEnd, locale) : null,
      subscriptionId: data.subscriptionId,
      manageUrl: link('/dashboard', appUrl),
    }),
  }),
  'trial-reminder': defineTemplate<'trial-reminder', 'trial/reminder', trialReminder.TrialReminderEmailProps, TrialReminderContext>({
    id: 'trial-reminder',
    event: 'trial/reminder',
    description: "Reminds an organization's owner that the trial ends soon; skipped when no longer trialing.",
    component: trialReminder.TrialReminderEmail,
    subject: trialReminder.subject,
    previewText: trialReminder.previewText,
    samples: ['pro-trial'],
    props: ({ locale, appUrl, t, context }) => ({
      t,
      locale,
      ownerName: context.ownerName,
      organizationName: context.organizationName,
      trialEndDate: context.trialEnd ? formatEmailDate(context.trialEnd, locale) : null,
      billingUrl: link('/dashboard', appUrl),
    }),
    context: {
      description: "The owner's name, the organization's name and the trial end, loaded when the reminder is sent.",
      preview: { ownerName: 'Camille Dupont', organizationName: 'Atelier Dupont', trialEnd: '2026-12-10T00:00:00.000Z' },
    },
  }),
  invitation: defineTemplate({
    id: 'invitation',
    event: 'organization/invitation.created',
    description: 'Invites someone to an organization; the accept link is derived from the invitation id.',
    component: invitation.InvitationEmail,
    subject: invitation.subject,
    previewText: invitation.previewText,
    samples: ['invite-fr', 'invite-es-long-org'],
    props: ({ data, locale, appUrl, t }) => ({
      t,
      locale,
      inviterName: data.inviterName,
      organizationName: data.organizationName,
      acceptUrl: invitationAcceptUrl(data.invitationId, appUrl),
      expiryDate: formatEmailDate(data.expiresAt, locale),
    }),
  }),
}

// Every id has its entry, under its own name (checked here rather than with `satisfies`, which would
// widen the inference of each entry's event).
const _everyTemplateHasItsId: { [T in TemplateId]: { id: T } } = templates

export type Templates = typeof templates
export type TemplateEvent<T extends TemplateId> = Templates[T]['event']
export type TemplateData<T extends TemplateId> = EventData<TemplateEvent<T>>

export function isTemplateId(value: unknown): value is TemplateId {
  return typeof value === 'string' && (TEMPLATE_IDS as readonly string[]).includes(value)
}
