import { RateLimiterMemory } from 'rate-limiter-flexible'

/**
 * Per-account protection against password guessing, rate-limiter-flexible's "login endpoint protection"
 * pattern keyed by the account rather than by account and address (an attacker has many addresses):
 * four wrong passwords in a row are free (typos); from the fifth on, each one holds the account back for
 * 30 s, then 1, 2, 4 minutes, never more than 5, so an attacker who stops cannot keep the owner out
 * for long. A success clears the count; so does a day after the first failure. Only known accounts are
 * counted, so made-up addresses cannot fill memory. docs/decisions/0009-hardening.md
 */
export const FREE_FAILURES = 4
const FIRST_HOLD_SECONDS = 30
export const MAX_HOLD_SECONDS = 5 * 60

const failures = new RateLimiterMemory({ keyPrefix: 'login-failures', points: Number.MAX_SAFE_INTEGER, duration: 24 * 60 * 60 })
const holds = new RateLimiterMemory({ keyPrefix: 'login-hold', points: 1, duration: MAX_HOLD_SECONDS })

/** Seconds an account is held back after this many wrong passwords in a row (0: not held). */
export function holdAfter(consecutiveFailures: number): number {
  if (consecutiveFailures <= FREE_FAILURES) return 0
  return Math.min(FIRST_HOLD_SECONDS * 2 ** (consecutiveFailures - FREE_FAILURES - 1), MAX_HOLD_SECONDS)
}

/** Seconds before this account may try a password again; 0 when it may now. */
export async function accountHold(accountId: string): Promise<number> {
  const hold = await holds.get(accountId)
  return hold && hold.consumedPoints > holds.points ? Math.max(1, Math.ceil(hold.msBeforeNext / 1000)) : 0
}

export async function recordLoginFailure(accountId: string) {
  const { consumedPoints } = await failures.penalty(accountId)
  const seconds = holdAfter(consumedPoints)
  if (seconds) await holds.block(accountId, seconds)
}

export async function recordLoginSuccess(accountId: string) {
  await Promise.all([failures.delete(accountId), holds.delete(accountId)])
}
