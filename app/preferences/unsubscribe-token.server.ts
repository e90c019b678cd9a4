import { createHmac, timingSafeEqual } from 'node:crypto'
import { env } from '~/env.server'
import { isLifecycleTopic, type LifecycleTopic } from '~/email/categories'

/**
 * The token of an unsubscribe link (`/unsubscribe/:token`, also in List-Unsubscribe). Like the other
 * emailed links (app/auth/user-tokens.server.ts, invitations) it is an HMAC with SESSION_SECRET, so it
 * cannot be guessed or forged and nothing secret is stored or put in an event. Unlike them it is not a
 * row: a mail client may press "unsubscribe" on any email it still holds, months later, and that must
 * work without a lookup table growing with every email sent. It names what it acts on, signed:
 *
 *   base64url("<userId>:<topic>:<version>") "." HMAC-SHA256("unsubscribe:" + that, SESSION_SECRET)
 *
 * - bound to one user and one list: changing either breaks the signature, so a token only ever acts on
 *   the user and list it was sent for (another user's token unsubscribes that user, never you);
 * - `version` is the user's consent version for the list when the email was sent (it rises at every
 *   re-subscribe). An older version still unsubscribes (a person pressing "unsubscribe" on an old email
 *   means it), but may not undo: only a link sent under the current consent can re-subscribe
 *   (docs/decisions/0020-lifecycle-email.md).
 */
export type UnsubscribeClaim = { userId: string; topic: LifecycleTopic; version: number }

// A user id (uuid, 36 characters) with a topic and a version stays far under 120 base64url characters.
const TOKEN_SHAPE = /^([A-Za-z0-9_-]{8,120})\.([A-Za-z0-9_-]{43})$/

const mac = (payload: string) => createHmac('sha256', env.SESSION_SECRET).update(`unsubscribe:${payload}`).digest('base64url')

export function unsubscribeToken(claim: UnsubscribeClaim): string {
  const payload = Buffer.from(`${claim.userId}:${claim.topic}:${claim.version}`).toString('base64url')
  return `${payload}.${mac(payload)}`
}

/** What a token claims, if we signed it; null for anything malformed, tampered with or forged. */
export function readUnsubscribeToken(token: string): UnsubscribeClaim | null {
  const match = TOKEN_SHAPE.exec(token)
  if (!match) return null
  const [, payload, signature] = match as unknown as [string, string, string]
  const expected = Buffer.from(mac(payload))
  if (!timingSafeEqual(expected, Buffer.from(signature))) return null
  const parts = Buffer.from(payload, 'base64url').toString('utf8').split(':')
  if (parts.length !== 3) return null
  const [userId, topic, version] = parts as [string, string, string]
  if (!userId || !isLifecycleTopic(topic) || !/^\d{1,9}$/.test(version)) return null
  return { userId, topic, version: Number(version) }
}

export function unsubscribePath(claim: UnsubscribeClaim): string {
  return `/unsubscribe/${unsubscribeToken(claim)}`
}
