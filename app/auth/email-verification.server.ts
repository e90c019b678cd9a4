import { and, eq, gt, isNull, sql } from 'drizzle-orm'
import { db, type DB } from '~/db/client.server'
import { prepared } from '~/db/prepared.server'
import { memberships, organizations, sessions, users, userTokens } from '~/db/schema'
import { emailConfirmationRequested, userActivated } from '~/events'
import { enqueueEvent, kickRelay } from '~/outbox/index.server'
import { insertSession, SESSION_TTL_MS } from './session.server'
import { checkUserToken, consumeAllUserTokens, consumeUserToken, issueUserToken, userTokenPath, type TokenCheck } from './user-tokens.server'

/**
 * Address confirmation ("activation"). An address is proven when its owner follows the confirmation link
 * emailed to it, accepts an invitation emailed to it, or sets a password through a reset link emailed to
 * it: each of those ends in `markAddressProven`, in the transaction of what proved it.
 */

/** A user asks for a new link at most once a minute… */
export const CONFIRMATION_RESEND_INTERVAL_MS = 60 * 1000
/** …and gets at most this many links (the signup's included) in 24 hours: one address, one account, so this is the per-address limit too. */
export const CONFIRMATION_LINKS_PER_DAY = 5
const DAY_MS = 24 * 60 * 60 * 1000

type Tx = Pick<DB, 'insert' | 'update' | 'select' | 'delete'>

/**
 * Sets `emailVerifiedAt` once and, in the caller's transaction, makes the user owner of every
 * organization waiting for their address (a Stripe customer's email nobody had confirmed) and queues
 * `user/activated`. Does nothing for an address already proven: safe to call from every proof, twice.
 * Returns whether this call is the one that proved it.
 */
export function markAddressProven(tx: Tx, userId: string, now = new Date()): boolean {
  const proven = tx
    .update(users)
    .set({ emailVerifiedAt: now })
    .where(and(eq(users.id, userId), isNull(users.emailVerifiedAt)))
    .returning({ email: users.email })
    .get()
  if (!proven) return false
  claimWaitingOrganizations(tx, userId, proven.email)
  enqueueEvent(tx, userActivated.create({ userId }))
  return true
}

/** Makes the user owner of the organizations whose Stripe customer has their (now proven) address. Idempotent. */
export function claimWaitingOrganizations(tx: Tx, userId: string, email: string): string[] {
  const waiting = tx.select({ id: organizations.id }).from(organizations).where(eq(organizations.pendingOwnerEmail, email.toLowerCase())).all()
  for (const { id } of waiting) {
    tx.insert(memberships).values({ organizationId: id, userId, role: 'owner' }).onConflictDoNothing().run()
    tx.update(organizations).set({ pendingOwnerEmail: null }).where(eq(organizations.id, id)).run()
  }
  return waiting.map(({ id }) => id)
}

/** Issues a confirmation link's token for a new account, in the signup's transaction. */
export function issueConfirmationToken(tx: Tx, userId: string, now = new Date()): string {
  return issueUserToken(tx, { userId, purpose: 'email-verification', now })
}

/**
 * The confirmation link a step puts in an email for a user whose address is still pending: the
 * newest unused, unexpired one (issued at signup, or asked for again), else a new one. Null when the
 * address is proven or the user is gone: nothing to confirm.
 */
export function confirmationPathFor(userId: string, now = new Date()): string | null {
  return db.transaction((tx) => {
    const user = prepareVerifiedAt(tx).get({ userId })
    if (!user || user.verifiedAt) return null
    const latest = preparePendingConfirmations(tx)
      .all({ userId, now: now.getTime() })
      .sort((a, b) => b.createdAt.getTime() - a.createdAt.getTime())[0]
    return userTokenPath('email-verification', latest?.id ?? issueConfirmationToken(tx, userId, now))
  })
}

// Prepared once per database (app/db/prepared.server.ts): every welcome step asks for its link.
const prepareVerifiedAt = prepared((tx: Tx) =>
  tx
    .select({ verifiedAt: users.emailVerifiedAt })
    .from(users)
    .where(eq(users.id, sql.placeholder('userId')))
    .prepare(),
)
const preparePendingConfirmations = prepared((tx: Tx) =>
  tx
    .select({ id: userTokens.id, createdAt: userTokens.createdAt })
    .from(userTokens)
    .where(
      and(
        eq(userTokens.userId, sql.placeholder('userId')),
        eq(userTokens.purpose, 'email-verification'),
        isNull(userTokens.usedAt),
        // A placeholder goes to the driver as given: the stored epoch milliseconds.
        gt(userTokens.expiresAt, sql.placeholder('now')),
      ),
    )
    .prepare(),
)

/** A new link for the activation reminder (a week's validity from the reminder), or null if nothing is pending. */
export function freshConfirmationToken(userId: string, now = new Date()): string | null {
  return db.transaction((tx) => {
    const user = tx.select({ verifiedAt: users.emailVerifiedAt }).from(users).where(eq(users.id, userId)).get()
    if (!user || user.verifiedAt) return null
    return issueConfirmationToken(tx, userId, now)
  })
}

export type ResendResult =
  | { ok: true }
  | {
      ok: false
      error: 'alreadyConfirmed' | 'tooSoon' | 'dailyLimit'
      retryAfterSeconds?: number
    }

/**
 * "Send the link again": a new token and the `user/email-confirmation.requested` event (ids only), in
 * one transaction, which also checks the limits (one a minute, five a day), so two racing clicks send one.
 */
export function requestConfirmationLink(userId: string, now = new Date()): ResendResult {
  const result = db.transaction((tx): ResendResult => {
    const user = tx.select({ verifiedAt: users.emailVerifiedAt }).from(users).where(eq(users.id, userId)).get()
    if (!user || user.verifiedAt) return { ok: false, error: 'alreadyConfirmed' }
    const issued = tx
      .select({ createdAt: userTokens.createdAt })
      .from(userTokens)
      .where(and(eq(userTokens.userId, userId), eq(userTokens.purpose, 'email-verification'), gt(userTokens.createdAt, new Date(now.getTime() - DAY_MS))))
      .all()
    const newest = Math.max(0, ...issued.map((t) => t.createdAt.getTime()))
    if (newest > now.getTime() - CONFIRMATION_RESEND_INTERVAL_MS) {
      return {
        ok: false,
        error: 'tooSoon',
        retryAfterSeconds: Math.ceil((newest + CONFIRMATION_RESEND_INTERVAL_MS - now.getTime()) / 1000),
      }
    }
    if (issued.length >= CONFIRMATION_LINKS_PER_DAY) {
      const oldest = Math.min(...issued.map((t) => t.createdAt.getTime()))
      return {
        ok: false,
        error: 'dailyLimit',
        retryAfterSeconds: Math.ceil((oldest + DAY_MS - now.getTime()) / 1000),
      }
    }
    const tokenId = issueConfirmationToken(tx, userId, now)
    enqueueEvent(tx, emailConfirmationRequested.create({ userId, tokenId }))
    return { ok: true }
  })
  if (result.ok) kickRelay()
  return result
}

export type ConfirmationLink = { status: 'valid'; email: string } | { status: Exclude<TokenCheck['status'], 'valid'> }

/** What a confirmation link is worth now, and the address it confirms (the page names it). */
export function checkConfirmationLink(token: string, now = new Date()): ConfirmationLink {
  const check = checkUserToken(db, 'email-verification', token, now)
  if (check.status !== 'valid') return { status: check.status }
  const user = db.select({ email: users.email }).from(users).where(eq(users.id, check.userId)).get()
  return user ? { status: 'valid', email: user.email } : { status: 'invalid' }
}

export type ConfirmResult = { ok: true; userId: string; session: { id: string; expires: Date } | null } | { ok: false; error: Exclude<TokenCheck['status'], 'valid'> }

/**
 * Confirms an address through its link, in one transaction: the link is spent (with every other
 * confirmation link of the user), the address is proven (organizations waiting for it are claimed,
 * `user/activated` queued), and, unless this browser is already signed in as that user, a fresh
 * session is written (the browser's previous one, someone else's perhaps, ends).
 */
export function confirmEmail(input: { token: string; signedInUserId: string | null; previousSessionId: string | null; now?: Date }): ConfirmResult {
  const now = input.now ?? new Date()
  const result = db.transaction((tx): ConfirmResult => {
    const check = checkUserToken(tx, 'email-verification', input.token, now)
    if (check.status !== 'valid') return { ok: false, error: check.status }
    if (!consumeUserToken(tx, check.tokenId, now)) return { ok: false, error: 'used' }
    consumeAllUserTokens(tx, check.userId, 'email-verification', now)
    markAddressProven(tx, check.userId, now)
    if (input.signedInUserId === check.userId) return { ok: true, userId: check.userId, session: null }
    if (input.previousSessionId) tx.delete(sessions).where(eq(sessions.id, input.previousSessionId)).run()
    const expires = new Date(now.getTime() + SESSION_TTL_MS)
    return {
      ok: true,
      userId: check.userId,
      session: {
        id: insertSession(tx, { userId: check.userId }, expires),
        expires,
      },
    }
  })
  if (result.ok) kickRelay()
  return result
}
