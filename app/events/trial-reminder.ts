import { eventType } from './event-type'
import { z } from 'zod'
import { IdSchema, OrganizationNameSchema } from './ids'
import { PersonNameSchema } from './person-name'
import { PlanPriceContextSchema, SAMPLE_PLANS } from './plan'
import { defineSamples } from './samples'

/** Scheduled 7 days after a subscription is created; the function checks it is still trialing. */
export const TrialReminderSchema = z.object({
  organizationId: IdSchema,
  subscriptionId: IdSchema,
})

export const trialReminder = eventType('trial/reminder', {
  schema: TrialReminderSchema,
})

/** What the reminder's step reads when it sends: the owner, the organization and the trial end. */
export const TrialReminderContextSchema = z.object({
  ownerName: PersonNameSchema,
  organizationName: OrganizationNameSchema,
  /** ISO date-time, or null when Stripe gave no trial end. */
  trialEnd: z.iso.datetime().nullable(),
  /** The subscription's plan and price, read from Stripe; null for a price /pricing does not sell. */
  plan: PlanPriceContextSchema.nullable(),
})

export const trialReminderSamples = defineSamples(
  { data: TrialReminderSchema, context: TrialReminderContextSchema },
  {
    'pro-trial': {
      label: 'Pro trial ending',
      data: { organizationId: 'org_sample_1', subscriptionId: 'sub_sample_1' },
      context: {
        ownerName: 'Camille Dupont',
        organizationName: 'Atelier Dupont',
        trialEnd: '2026-12-10T00:00:00.000Z',
        plan: SAMPLE_PLANS.pro,
      },
    },
    'starter-trial': {
      label: 'Starter trial ending',
      data: { organizationId: 'org_sample_2', subscriptionId: 'sub_sample_2' },
      context: {
        ownerName: 'Alex Morgan',
        organizationName: 'Morgan Studio',
        trialEnd: '2026-12-10T00:00:00.000Z',
        plan: SAMPLE_PLANS.starter,
      },
    },
    'business-trial': {
      label: 'Business trial ending, long names',
      data: { organizationId: 'org_sample_3', subscriptionId: 'sub_sample_3' },
      context: {
        ownerName: 'María de los Ángeles Fernández-Villaverde y Santiesteban',
        organizationName: 'Estudio Fernández-Villaverde Internacional',
        trialEnd: '2026-12-10T00:00:00.000Z',
        plan: SAMPLE_PLANS.business,
      },
    },
  },
)
