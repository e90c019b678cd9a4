import { eq } from 'drizzle-orm'
import { db } from '~/db/client.server'
import { users } from '~/db/schema'
import { LIFECYCLE_TOPICS, type LifecycleTopic } from '~/email/categories'
import { userUnsubscribed } from '~/events'
import type { Locale } from '~/i18n/locales'
import { enqueueEvent, kickRelay } from '~/outbox/index.server'
import { consentVersion, isUnsubscribed, liftUnsubscribe, suppressForUnsubscribe } from './suppressions.server'
import { readUnsubscribeToken } from './unsubscribe-token.server'

/**
 * What a user receives and how they change it: the preferences page (signed in) and the unsubscribe
 * link (signed by its token, no session). Leaving a list writes the suppression entry and the
 * `user/unsubscribed` event in one transaction, so the journeys that send to it are cancelled.
 */

export type Preferences = Record<LifecycleTopic, boolean>

export function preferencesOf(userId: string): Preferences {
  return Object.fromEntries(LIFECYCLE_TOPICS.map((topic) => [topic, !isUnsubscribed(db, userId, topic)])) as Preferences
}

type Writer = Parameters<Parameters<typeof db.transaction>[0]>[0]

/** Leaves the list (entry + event) unless already left; true when something changed. */
function leave(tx: Writer, user: { id: string; email: string }, topic: LifecycleTopic, now: Date): boolean {
  if (!suppressForUnsubscribe(tx, { userId: user.id, email: user.email, topic, now })) return false
  enqueueEvent(tx, userUnsubscribed.create({ userId: user.id, topic }))
  return true
}

/** The preferences page's save: each list on or off, in one transaction. Returns the lists that changed. */
export function savePreferences(userId: string, wanted: Preferences, now = new Date()): LifecycleTopic[] {
  const changed = db.transaction((tx) => {
    const user = tx.select({ id: users.id, email: users.email }).from(users).where(eq(users.id, userId)).get()
    if (!user) return []
    return LIFECYCLE_TOPICS.filter((topic) => (wanted[topic] ? liftUnsubscribe(tx, { userId, topic, now }) : leave(tx, user, topic, now)))
  })
  if (changed.some((topic) => !wanted[topic])) kickRelay()
  return changed
}

export type LinkState =
  | { status: 'invalid' }
  | { status: 'subscribed' | 'unsubscribed'; topic: LifecycleTopic; language: Locale; userName: string; canUndo: boolean }

/** What an unsubscribe link points at now (the page's loader): never changes anything. */
export function unsubscribeLinkState(token: string): LinkState {
  const claim = readUnsubscribeToken(token)
  if (!claim) return { status: 'invalid' }
  const user = db.select({ language: users.language, name: users.name }).from(users).where(eq(users.id, claim.userId)).get()
  // A deleted account: nothing left to unsubscribe, and nothing to say about whom the link was for.
  if (!user) return { status: 'invalid' }
  const unsubscribed = isUnsubscribed(db, claim.userId, claim.topic)
  return {
    status: unsubscribed ? 'unsubscribed' : 'subscribed',
    topic: claim.topic,
    language: user.language,
    userName: user.name,
    canUndo: unsubscribed && claim.version === consentVersion(db, claim.userId, claim.topic),
  }
}

/** The language of the person an unsubscribe link was sent to, for the page (null: not a link of ours). */
export function unsubscribeLinkLanguage(token: string): Locale | null {
  const claim = readUnsubscribeToken(token)
  if (!claim) return null
  return db.select({ language: users.language }).from(users).where(eq(users.id, claim.userId)).get()?.language ?? null
}

export type UnsubscribeResult = 'unsubscribed' | 'already' | 'invalid'

/**
 * One-click unsubscribe (RFC 8058) and the page's button: the token alone authorizes it. Idempotent:
 * a second request changes nothing and emits nothing. A genuine token of any age works (a person
 * pressing "unsubscribe" on an old email means it); a deleted account has nothing left to leave.
 */
export function unsubscribeWithToken(token: string, now = new Date()): UnsubscribeResult {
  const claim = readUnsubscribeToken(token)
  if (!claim) return 'invalid'
  const result = db.transaction((tx): UnsubscribeResult => {
    const user = tx.select({ id: users.id, email: users.email }).from(users).where(eq(users.id, claim.userId)).get()
    if (!user) return 'invalid'
    return leave(tx, user, claim.topic, now) ? 'unsubscribed' : 'already'
  })
  if (result === 'unsubscribed') kickRelay()
  return result
}

export type UndoResult = 'resubscribed' | 'already' | 'stale' | 'invalid'

/**
 * "Undo" on the unsubscribe page: back on the list, only with a link sent under the current consent
 * (`stale` for a link from an email sent before a later re-subscribe: opting someone back in needs
 * their latest word, not an old email that may have been forwarded).
 */
export function resubscribeWithToken(token: string, now = new Date()): UndoResult {
  const claim = readUnsubscribeToken(token)
  if (!claim) return 'invalid'
  return db.transaction((tx): UndoResult => {
    const user = tx.select({ id: users.id }).from(users).where(eq(users.id, claim.userId)).get()
    if (!user) return 'invalid'
    if (!isUnsubscribed(tx, claim.userId, claim.topic)) return 'already'
    if (claim.version !== consentVersion(tx, claim.userId, claim.topic)) return 'stale'
    return liftUnsubscribe(tx, { userId: claim.userId, topic: claim.topic, now }) ? 'resubscribed' : 'already'
  })
}
