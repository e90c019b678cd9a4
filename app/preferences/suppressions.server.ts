import { and, desc, eq, isNull, like, or, sql } from 'drizzle-orm'
import { db, type DB } from '~/db/client.server'
import { prepared } from '~/db/prepared.server'
import { emailPreferences, emailSuppressions, suppressionLifts, users } from '~/db/schema'
import type { LifecycleTopic, SuppressionReason } from '~/email/categories'

/** A database handle or the transaction a change is written in. */
type Tx = Pick<DB, 'insert' | 'update' | 'select' | 'delete'>

/**
 * Why a lifecycle email to this user and address must not go out, or null. Read when the email is sent:
 * the user must still exist, have confirmed their address, still have that address, and be on no
 * suppression entry for the list (an unsubscribe from it, or a bounce or complaint for every list),
 * whether the entry names the user or only the address.
 */
export type LifecycleSkip = 'user-deleted' | 'unconfirmed' | 'address-changed' | SuppressionReason

export function lifecycleSkipReason(tx: Pick<DB, 'select'>, input: { userId: string; to: string; topic: LifecycleTopic }): LifecycleSkip | null {
  const user = tx.select({ email: users.email, emailVerifiedAt: users.emailVerifiedAt }).from(users).where(eq(users.id, input.userId)).get()
  if (!user) return 'user-deleted'
  if (!user.emailVerifiedAt) return 'unconfirmed'
  const to = input.to.trim().toLowerCase()
  if (user.email !== to) return 'address-changed'
  const entry = tx
    .select({ reason: emailSuppressions.reason })
    .from(emailSuppressions)
    .where(
      and(
        or(eq(emailSuppressions.email, to), eq(emailSuppressions.userId, input.userId)),
        or(isNull(emailSuppressions.topic), eq(emailSuppressions.topic, input.topic)),
      ),
    )
    .get()
  return entry?.reason ?? null
}

/** Whether the address bounced for good (a permanent bounce Resend reported): no email of any kind goes there. */
export function isHardBounced(tx: Pick<DB, 'select'>, email: string): boolean {
  return Boolean(prepareHardBounce(tx).get({ email: email.trim().toLowerCase() }))
}

// Prepared once per database (app/db/prepared.server.ts): every transactional email asks it.
const prepareHardBounce = prepared((tx: Pick<DB, 'select'>) =>
  tx
    .select({ id: emailSuppressions.id })
    .from(emailSuppressions)
    .where(and(eq(emailSuppressions.email, sql.placeholder('email')), eq(emailSuppressions.reason, 'bounced')))
    .prepare(),
)

/** The user's consent version for a list (0 until their first re-subscribe): what unsubscribe links carry. */
export function consentVersion(tx: Pick<DB, 'select'>, userId: string, topic: LifecycleTopic): number {
  return tx.select({ version: emailPreferences.version }).from(emailPreferences).where(and(eq(emailPreferences.userId, userId), eq(emailPreferences.topic, topic))).get()?.version ?? 0
}

/** Whether the user left the list (an unsubscribe entry naming them for it). */
export function isUnsubscribed(tx: Pick<DB, 'select'>, userId: string, topic: LifecycleTopic): boolean {
  return Boolean(
    tx
      .select({ id: emailSuppressions.id })
      .from(emailSuppressions)
      .where(and(eq(emailSuppressions.userId, userId), eq(emailSuppressions.topic, topic), eq(emailSuppressions.reason, 'unsubscribed')))
      .get(),
  )
}

/** Adds the unsubscribe entry; false when the user had already left the list (nothing written). */
export function suppressForUnsubscribe(tx: Tx, input: { userId: string; email: string; topic: LifecycleTopic; now: Date }): boolean {
  if (isUnsubscribed(tx, input.userId, input.topic)) return false
  tx.insert(emailSuppressions).values({ email: input.email.toLowerCase(), userId: input.userId, topic: input.topic, reason: 'unsubscribed', createdAt: input.now }).run()
  return true
}

/**
 * Removes the user's unsubscribe entry for the list and raises their consent version, so the links of
 * the emails sent before can no longer undo anything; false when they were not unsubscribed.
 */
export function liftUnsubscribe(tx: Tx, input: { userId: string; topic: LifecycleTopic; now: Date }): boolean {
  const removed = tx
    .delete(emailSuppressions)
    .where(and(eq(emailSuppressions.userId, input.userId), eq(emailSuppressions.topic, input.topic), eq(emailSuppressions.reason, 'unsubscribed')))
    .run().changes
  if (removed === 0) return false
  const version = consentVersion(tx, input.userId, input.topic) + 1
  tx.insert(emailPreferences)
    .values({ userId: input.userId, topic: input.topic, version, updatedAt: input.now })
    .onConflictDoUpdate({ target: [emailPreferences.userId, emailPreferences.topic], set: { version, updatedAt: input.now } })
    .run()
  return true
}

/** Entries an admin may lift: what Resend reported. An unsubscribe is the user's to undo, not ours. */
const LIFTABLE = ['bounced', 'complained'] as const

export type SuppressionEntry = { id: string; email: string; reason: SuppressionReason; topic: LifecycleTopic | null; detail: string | null; createdAt: string; liftable: boolean }

/** The suppression list, newest first, optionally for addresses containing `search`. */
export function listSuppressions({ search, limit = 200 }: { search?: string; limit?: number } = {}, tx: Pick<DB, 'select'> = db): SuppressionEntry[] {
  const escaped = search?.trim().toLowerCase().replace(/[\\%_]/g, (c) => `\\${c}`)
  return tx
    .select({ id: emailSuppressions.id, email: emailSuppressions.email, reason: emailSuppressions.reason, topic: emailSuppressions.topic, detail: emailSuppressions.detail, createdAt: emailSuppressions.createdAt })
    .from(emailSuppressions)
    .where(escaped ? like(emailSuppressions.email, `%${escaped}%`) : undefined)
    .orderBy(desc(emailSuppressions.createdAt))
    .limit(limit)
    .all()
    .map((row) => ({ ...row, createdAt: row.createdAt.toISOString(), liftable: (LIFTABLE as readonly string[]).includes(row.reason) }))
}

/** Recent lifts, for the record: who lifted which address, from what, and why. */
export function recentLifts(limit = 20, tx: Pick<DB, 'select'> = db) {
  return tx
    .select({ id: suppressionLifts.id, email: suppressionLifts.email, reason: suppressionLifts.reason, note: suppressionLifts.note, by: users.email, createdAt: suppressionLifts.createdAt })
    .from(suppressionLifts)
    .leftJoin(users, eq(users.id, suppressionLifts.liftedBy))
    .orderBy(desc(suppressionLifts.createdAt))
    .limit(limit)
    .all()
    .map((row) => ({ ...row, createdAt: row.createdAt.toISOString() }))
}

/**
 * Lifts a bounce or complaint entry, recording who did it and why, in one transaction: the address gets
 * email again. `not-found` when the entry is gone (lifted by someone else meanwhile), `not-liftable` for an
 * unsubscribe.
 */
export function liftSuppression(tx: Tx, input: { id: string; note: string; by: string; now: Date }): { ok: true; email: string } | { ok: false; error: 'not-found' | 'not-liftable' } {
  const entry = tx.select({ email: emailSuppressions.email, reason: emailSuppressions.reason }).from(emailSuppressions).where(eq(emailSuppressions.id, input.id)).get()
  if (!entry) return { ok: false, error: 'not-found' }
  if (!(LIFTABLE as readonly string[]).includes(entry.reason)) return { ok: false, error: 'not-liftable' }
  const removed = tx.delete(emailSuppressions).where(eq(emailSuppressions.id, input.id)).run().changes
  if (removed === 0) return { ok: false, error: 'not-found' }
  tx.insert(suppressionLifts).values({ email: entry.email, reason: entry.reason, note: input.note, liftedBy: input.by, createdAt: input.now }).run()
  return { ok: true, email: entry.email }
}

/** liftSuppression in its own transaction. */
export function liftSuppressionEntry(input: { id: string; note: string; by: string }) {
  return db.transaction((tx) => liftSuppression(tx, { ...input, now: new Date() }))
}
