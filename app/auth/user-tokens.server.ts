import { createHash, createHmac, timingSafeEqual } from 'node:crypto'
import { and, eq, gt, isNull } from 'drizzle-orm'
import type { DB } from '~/db/client.server'
import { userTokens } from '~/db/schema'
import { env } from '~/env.server'

/**
 * One-time links emailed to a user: password reset now, address confirmation next. Like the invitation
 * links (app/organizations/invitation-token.server.ts), a link's token is an HMAC of its row id and
 * purpose with SESSION_SECRET: nothing secret is stored (only the token's SHA-256, for the lookup) or
 * carried in an event (the step that emails the link derives it again from the id it reads).
 */
export type TokenPurpose = (typeof userTokens.$inferSelect)['purpose']

/** How long a link stays good, per purpose. */
export const TOKEN_TTL_MS: Record<TokenPurpose, number> = {
  'password-reset': 60 * 60 * 1000,
  'email-verification': 7 * 24 * 60 * 60 * 1000,
}

/** Where each purpose's link leads (`/reset-password/:token`…). */
const LINK_PREFIX: Record<TokenPurpose, string> = {
  'password-reset': '/reset-password/',
  'email-verification': '/verify-email/',
}

/** A token as we derive them: 32 bytes of HMAC-SHA256 in base64url. Anything else is refused before any lookup. */
const TOKEN_SHAPE = /^[A-Za-z0-9_-]{43}$/

/** A database handle or the transaction the token is written or used in. */
type Tx = Pick<DB, 'insert' | 'update' | 'select'>

export function deriveUserToken(purpose: TokenPurpose, tokenId: string): string {
  return createHmac('sha256', env.SESSION_SECRET).update(`user-token:${purpose}:${tokenId}`).digest('base64url')
}

export function hashUserToken(token: string): string {
  return createHash('sha256').update(token).digest('hex')
}

/** The link's path, which the step that emails it derives when it sends. */
export function userTokenPath(purpose: TokenPurpose, tokenId: string): string {
  return LINK_PREFIX[purpose] + deriveUserToken(purpose, tokenId)
}

/** Compares in constant time (for equal lengths; a length is no secret: every token has the same one). */
export function tokensMatch(expected: string, actual: string): boolean {
  const a = Buffer.from(expected)
  const b = Buffer.from(actual)
  return a.length === b.length && timingSafeEqual(a, b)
}

/**
 * Writes a new token row for the user inside the caller's transaction (with the event that emails it)
 * and returns its id. The token itself is never returned: whoever needs the link derives it.
 */
export function issueUserToken(tx: Tx, input: { userId: string; purpose: TokenPurpose; now: Date }): string {
  const id = crypto.randomUUID()
  const tokenHash = hashUserToken(deriveUserToken(input.purpose, id))
  const expiresAt = new Date(input.now.getTime() + TOKEN_TTL_MS[input.purpose])
  tx.insert(userTokens).values({ id, userId: input.userId, purpose: input.purpose, tokenHash, expiresAt, createdAt: input.now }).run()
  return id
}

/**
 * The same work as `issueUserToken` short of the write (derive, hash), for a request that must not
 * reveal by its timing that no account was found.
 */
export function deriveDecoyToken(purpose: TokenPurpose): void {
  hashUserToken(deriveUserToken(purpose, crypto.randomUUID()))
}

export type TokenCheck =
  | { status: 'valid'; tokenId: string; userId: string; expiresAt: Date }
  | { status: 'invalid' | 'expired' | 'used'; tokenId?: undefined; userId?: undefined; expiresAt?: undefined }

/**
 * What a link's token is worth now: `invalid` (malformed, forged, or for another purpose), `used`,
 * `expired`, or `valid` with its row. Looked up by hash, then checked against the token derived from
 * the row's id in constant time.
 */
export function checkUserToken(tx: Tx, purpose: TokenPurpose, token: string, now = new Date()): TokenCheck {
  if (!TOKEN_SHAPE.test(token)) return { status: 'invalid' }
  const row = tx
    .select({ id: userTokens.id, userId: userTokens.userId, purpose: userTokens.purpose, expiresAt: userTokens.expiresAt, usedAt: userTokens.usedAt })
    .from(userTokens)
    .where(eq(userTokens.tokenHash, hashUserToken(token)))
    .get()
  if (!row || row.purpose !== purpose || !tokensMatch(deriveUserToken(purpose, row.id), token)) return { status: 'invalid' }
  if (row.usedAt) return { status: 'used' }
  if (row.expiresAt.getTime() <= now.getTime()) return { status: 'expired' }
  return { status: 'valid', tokenId: row.id, userId: row.userId, expiresAt: row.expiresAt }
}

/**
 * Marks a token used, if it still is good; false when another request used it first (or it expired
 * meanwhile). Call it inside the transaction that does what the link allows, so both happen or neither.
 */
export function consumeUserToken(tx: Tx, tokenId: string, now = new Date()): boolean {
  return (
    tx
      .update(userTokens)
      .set({ usedAt: now })
      .where(and(eq(userTokens.id, tokenId), isNull(userTokens.usedAt), gt(userTokens.expiresAt, now)))
      .run().changes === 1
  )
}

/** Marks every still-unused token of this purpose of the user used (a new password makes older reset links worthless). */
export function consumeAllUserTokens(tx: Tx, userId: string, purpose: TokenPurpose, now = new Date()): void {
  tx.update(userTokens)
    .set({ usedAt: now })
    .where(and(eq(userTokens.userId, userId), eq(userTokens.purpose, purpose), isNull(userTokens.usedAt)))
    .run()
}

/** The user's token of this purpose issued after `since`, if any (the at-most-one-email-a-minute rule). */
export function latestUserTokenSince(tx: Tx, userId: string, purpose: TokenPurpose, since: Date) {
  return (
    tx
      .select({ id: userTokens.id })
      .from(userTokens)
      .where(and(eq(userTokens.userId, userId), eq(userTokens.purpose, purpose), gt(userTokens.createdAt, since)))
      .get() ?? null
  )
}

/** A token row as the step that emails its link reads it: good (unused, unexpired) or null. */
export function pendingUserToken(tx: Tx, tokenId: string, purpose: TokenPurpose, now = new Date()) {
  return (
    tx
      .select({ id: userTokens.id, userId: userTokens.userId, expiresAt: userTokens.expiresAt })
      .from(userTokens)
      .where(and(eq(userTokens.id, tokenId), eq(userTokens.purpose, purpose), isNull(userTokens.usedAt), gt(userTokens.expiresAt, now)))
      .get() ?? null
  )
}
