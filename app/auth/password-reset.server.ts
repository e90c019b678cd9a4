import { eq, or } from 'drizzle-orm'
import { db } from '~/db/client.server'
import { sessions, users } from '~/db/schema'
import { passwordChanged, passwordResetRequested } from '~/events'
import { enqueueEvent, kickRelay } from '~/outbox/index.server'
import { markAddressProven } from './email-verification.server'
import { hashPassword } from './password.server'
import { insertSession, SESSION_TTL_MS } from './session.server'
import { checkUserToken, consumeAllUserTokens, consumeUserToken, deriveDecoyToken, issueUserToken, latestUserTokenSince, type TokenCheck } from './user-tokens.server'

/** A burst of requests for one address sends at most one email in this window (the later ones are answered alike and send nothing). */
export const RESET_EMAIL_INTERVAL_MS = 60 * 1000

/** The least time a reset request takes to answer, whether or not an account exists. */
export const RESPONSE_FLOOR_MS = 250

/**
 * Asks for a reset link for an address. Whether or not an account exists, the work is the same (derive
 * and hash a token, one read, one short transaction, then a wait up to RESPONSE_FLOOR_MS) and the caller answers the same page. When the
 * account exists and no link was issued for it in the last minute, writes a token row and the
 * `user/password-reset.requested` event (ids only) together; the event's function emails the link.
 * The minute is checked in the transaction that writes, so two racing requests issue one link.
 */
export async function requestPasswordReset(email: string, now = new Date()): Promise<{ issued: boolean }> {
  const started = performance.now()
  const tokenId = db.transaction((tx) => {
    const user = tx.select({ id: users.id }).from(users).where(eq(users.email, email)).get()
    if (!user) {
      deriveDecoyToken('password-reset')
      return null
    }
    if (latestUserTokenSince(tx, user.id, 'password-reset', new Date(now.getTime() - RESET_EMAIL_INTERVAL_MS))) {
      deriveDecoyToken('password-reset')
      return null
    }
    const id = issueUserToken(tx, { userId: user.id, purpose: 'password-reset', now })
    enqueueEvent(tx, passwordResetRequested.create({ userId: user.id, tokenId: id }))
    return id
  })
  if (tokenId) kickRelay()
  // A write costs more than no write: every answer waits until the floor, so timings look alike.
  await new Promise((resolve) => setTimeout(resolve, Math.max(0, started + RESPONSE_FLOOR_MS - performance.now())))
  return { issued: tokenId !== null }
}

/** What a reset link is worth now (the reset page's loader). */
export function checkResetLink(token: string, now = new Date()): TokenCheck['status'] {
  return checkUserToken(db, 'password-reset', token, now).status
}

export type ResetResult = { ok: true; userId: string; sessionId: string; sessionExpires: Date } | { ok: false; error: 'invalid' | 'expired' | 'used' }

/**
 * Sets a new password through a reset link. In one transaction: the link is used (single use, checked
 * again there so two submissions race to one winner), every reset link of the user is spent, the
 * password changes, every session of the user (and the browser's previous one) goes, a fresh session is
 * written, the address counts as proven (see email-verification.server.ts), and the `user/password.changed` event is queued. The hash is computed before, outside the
 * transaction (no slow work inside it).
 */
export async function resetPassword(input: { token: string; password: string; previousSessionId: string | null; now?: Date }): Promise<ResetResult> {
  const now = input.now ?? new Date()
  const first = checkUserToken(db, 'password-reset', input.token, now)
  if (first.status !== 'valid') return { ok: false, error: first.status }
  const passwordHash = await hashPassword(input.password)
  const sessionExpires = new Date(now.getTime() + SESSION_TTL_MS)
  const result = db.transaction((tx): ResetResult => {
    const check = checkUserToken(tx, 'password-reset', input.token, now)
    if (check.status !== 'valid') return { ok: false, error: check.status }
    if (!consumeUserToken(tx, check.tokenId, now)) return { ok: false, error: 'used' }
    consumeAllUserTokens(tx, check.userId, 'password-reset', now)
    tx.update(users).set({ passwordHash }).where(eq(users.id, check.userId)).run()
    // The link reached the address: that proves it, as a confirmation link would (an unconfirmed account
    // someone opened with another's address passes to the address's owner this way).
    markAddressProven(tx, check.userId, now)
    const previous = input.previousSessionId ? eq(sessions.id, input.previousSessionId) : undefined
    tx.delete(sessions)
      .where(previous ? or(eq(sessions.userId, check.userId), previous) : eq(sessions.userId, check.userId))
      .run()
    const sessionId = insertSession(tx, { userId: check.userId }, sessionExpires)
    enqueueEvent(tx, passwordChanged.create({ userId: check.userId }))
    return { ok: true, userId: check.userId, sessionId, sessionExpires }
  })
  if (result.ok) kickRelay()
  return result
}
