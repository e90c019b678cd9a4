import { eventType } from './event-type'
import { z } from 'zod'
import { IdSchema, OrganizationNameSchema } from './ids'
import { PersonNameSchema } from './person-name'
import { defineSamples } from './samples'
import { ConfirmPathSchema } from './user-activation'

/**
 * A user signed up. The event carries the id only: the steps that email them read their name, address
 * and language when they send (docs/decisions/0011-events-carry-ids.md).
 */
export const UserRegisteredSchema = z.object({ userId: IdSchema })
export type UserRegistered = z.infer<typeof UserRegisteredSchema>

export const userRegistered = eventType('user/registered', {
  schema: UserRegisteredSchema,
})

/** The user's first organization, as the D+3 onboarding email shows it. */
export const OnboardingOrganizationSchema = z.object({
  name: OrganizationNameSchema,
  role: z.enum(['owner', 'member']),
  /** People in it, the user included. */
  members: z.number().int().min(1),
})

/** The subscription of the user's first organization, as the D+7 onboarding email shows it. */
export const OnboardingSubscriptionSchema = z.object({
  organizationName: OrganizationNameSchema,
  /** Stripe's status (trialing, active, past_due…). */
  status: z.string().min(1).max(40),
  /** ISO date-time, or null when there is no trial. */
  trialEnd: z.iso.datetime().nullable(),
})

/**
 * What the welcome journey's steps read about the user and show in its emails: the name, and, for the
 * onboarding emails (D+3, D+7), where the user stands (read fresh in their step; the welcome emails
 * read and show neither). `null`: none; absent: not read by this email. While the address is pending,
 * the path of a confirmation link (the welcome email's button; the activation reminder's).
 */
export const UserContextSchema = z.object({
  userName: PersonNameSchema,
  confirmPath: ConfirmPathSchema.optional(),
  organization: OnboardingOrganizationSchema.nullable().optional(),
  subscription: OnboardingSubscriptionSchema.nullable().optional(),
})
export type UserContext = z.infer<typeof UserContextSchema>

export const userRegisteredSamples = defineSamples(
  { data: UserRegisteredSchema, context: UserContextSchema },
  {
    'new-user-fr': {
      label: 'New user, French',
      data: { userId: 'usr_sample_fr' },
      context: {
        userName: 'Camille Dupont',
        confirmPath: '/verify-email/sample-token',
      },
    },
    'new-user-en': {
      label: 'New user, English',
      data: { userId: 'usr_sample_en' },
      context: {
        userName: 'Alex Morgan',
        confirmPath: '/verify-email/sample-token',
      },
    },
    'new-user-es-long-name': {
      label: 'New user, long Spanish name',
      data: { userId: 'usr_sample_es' },
      context: {
        userName: 'María de los Ángeles Fernández-Villaverde y Santiesteban',
        confirmPath: '/verify-email/sample-token',
      },
    },
    'invited-user-confirmed-en': {
      label: 'Joined through an invitation (address already proven), English',
      data: { userId: 'usr_sample_invited' },
      context: { userName: 'Sam Taylor' },
    },
    // Where a user may stand when the onboarding emails go out (D+3: organization; D+7: subscription).
    'day-3-no-organization-fr': { label: 'D+3, no organization yet, French', data: { userId: 'usr_sample_fr' }, context: { userName: 'Camille Dupont', organization: null } },
    'day-3-owner-alone-en': {
      label: 'D+3, owner of an organization without teammates, English',
      data: { userId: 'usr_sample_en' },
      context: { userName: 'Alex Morgan', organization: { name: 'Morgan & Partners', role: 'owner', members: 1 } },
    },
    'day-3-member-es': {
      label: 'D+3, member of a team, Spanish',
      data: { userId: 'usr_sample_es' },
      context: { userName: 'María de los Ángeles Fernández-Villaverde y Santiesteban', organization: { name: 'Estudio Villaverde', role: 'member', members: 4 } },
    },
    'day-7-trial-en': {
      label: 'D+7, on a trial, English',
      data: { userId: 'usr_sample_en' },
      context: { userName: 'Alex Morgan', subscription: { organizationName: 'Morgan & Partners', status: 'trialing', trialEnd: '2026-12-10T00:00:00.000Z' } },
    },
    'day-7-no-subscription-fr': { label: 'D+7, no subscription, French', data: { userId: 'usr_sample_fr' }, context: { userName: 'Camille Dupont', subscription: null } },
    'day-7-active-es': {
      label: 'D+7, paying subscription, Spanish',
      data: { userId: 'usr_sample_es' },
      context: { userName: 'María de los Ángeles Fernández-Villaverde y Santiesteban', subscription: { organizationName: 'Estudio Villaverde', status: 'active', trialEnd: null } },
    },
  },
)
