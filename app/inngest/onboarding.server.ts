import { db } from '~/db/client.server'
import type { LifecycleTemplateId } from '~/email/registry.server'
import { sendEmail, type SkipReason } from '~/email/send.server'
import type { UserContext } from '~/events'
import { lifecycleSkipReason } from '~/preferences/suppressions.server'
import { findOnboardingState, findRecipient } from './queries.server'

export type OnboardingOutcome = { sent: true; messageId: string; transport: 'resend' | 'local'; sentAt: string } | { sent: false; reason: SkipReason }

/** Skips after which the series stops: nothing later could be sent either. "unconfirmed" may change (they can still confirm). */
const ENDS_THE_SERIES: ReadonlySet<SkipReason> = new Set(['user-deleted', 'unsubscribed', 'bounced', 'complained', 'hard-bounced'])
export const endsTheSeries = (outcome: OnboardingOutcome) => !outcome.sent && ENDS_THE_SERIES.has(outcome.reason)

/** What each email of the series reads about where the user stands (D+1 reads nothing more than the name). */
function contextFor(template: LifecycleTemplateId, userId: string, userName: string): UserContext {
  if (template === 'welcome-follow-up') return { userName }
  const state = findOnboardingState(userId)
  return template === 'onboarding-day-3' ? { userName, organization: state.organization } : { userName, subscription: state.subscription }
}

/**
 * One email of the onboarding series, in its step: reads the user now (they may have left, confirmed,
 * changed language, started a trial since the last email) and either sends, or records why not. A
 * cancellation that arrives late is caught here: an unsubscribed or deleted user gets nothing.
 */
export async function sendOnboardingEmail(template: LifecycleTemplateId, userId: string, eventId: string): Promise<OnboardingOutcome> {
  const user = findRecipient(userId)
  if (!user) return { sent: false, reason: 'user-deleted' }
  const skip = lifecycleSkipReason(db, { userId, to: user.email, topic: 'onboarding' })
  if (skip) return { sent: false, reason: skip }
  const result = await sendEmail({ template, to: user.email, locale: user.language, data: { userId }, context: contextFor(template, userId, user.name), eventId, userId })
  if ('skipped' in result) return { sent: false, reason: result.skipped }
  return { sent: true, messageId: result.id, transport: result.transport, sentAt: new Date().toISOString() }
}

const UNIT_MS = { ms: 1, s: 1000, m: 60_000, h: 3_600_000, d: 86_400_000, w: 604_800_000 } as const

/** An Inngest duration (`24h`, `1d12h`, `90s`) in milliseconds. */
export function durationMs(duration: string): number {
  let total = 0
  for (const [, amount, unit] of duration.matchAll(/(\d+)(ms|s|m|h|d|w)/g)) total += Number(amount) * UNIT_MS[unit as keyof typeof UNIT_MS]
  return total
}

/** The wait between two points of the series counted from signup (D+1 → D+3), as a duration Inngest reads; at least one second. */
export function waitBetween(from: string, to: string): string {
  return `${Math.max(1, Math.round((durationMs(to) - durationMs(from)) / 1000))}s`
}
