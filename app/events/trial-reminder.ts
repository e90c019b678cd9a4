import { eventType } from 'inngest'
import { z } from 'zod'
import { defineSamples } from './samples'

/** Scheduled 7 days after a subscription is created; the function checks it is still trialing. */
export const TrialReminderSchema = z.object({
  organizationId: z.string().min(1),
  subscriptionId: z.string().min(1),
})
export type TrialReminder = z.infer<typeof TrialReminderSchema>

export const trialReminder = eventType('trial/reminder', { schema: TrialReminderSchema })

export const trialReminderSamples = defineSamples(TrialReminderSchema, {
  'pro-trial': { label: 'Pro trial ending', data: { organizationId: 'org_sample_1', subscriptionId: 'sub_sample_1' } },
})
