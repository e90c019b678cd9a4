import type { InngestFunction } from 'inngest'
import { sendAccountDeleted } from './account-deleted.server'
import { activationReminder } from './activation-reminder.server'
import { sendPaymentFailed, sendSubscriptionCanceled } from './billing-emails.server'
import { dailyCleanup } from './daily-cleanup.server'
import { sendEmailConfirmation, sendPasswordChanged, sendPasswordReset } from './password-emails.server'
import { processSubscription } from './process-subscription.server'
import { sendInvitation } from './send-invitation.server'
import { trialReminderFunction } from './trial-reminder.server'
import { welcomeJourney } from './welcome-journey.server'

/** Every function served at /api/inngest. */
export const functions: InngestFunction.Any[] = [
  welcomeJourney,
  trialReminderFunction,
  dailyCleanup,
  processSubscription,
  sendInvitation,
  sendPasswordReset,
  sendPasswordChanged,
  activationReminder,
  sendEmailConfirmation,
  sendAccountDeleted,
  sendPaymentFailed,
  sendSubscriptionCanceled,
]
