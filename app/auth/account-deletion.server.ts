import { and, asc, count, eq, isNull, lt, ne, or } from 'drizzle-orm'
import { db } from '~/db/client.server'
import { accountDeletionNotices, invitations, mailboxMessages, memberships, organizations, users } from '~/db/schema'
import { userDeleted } from '~/events'
import { enqueueEvent, kickRelay } from '~/outbox/index.server'
import { verifyPassword } from './password.server'

type Tx = Parameters<Parameters<typeof db.transaction>[0]>[0]

/** What a sent-email record keeps once its recipient's account is deleted: that it was sent, not to whom or what it said. */
export const REDACTED_ADDRESS = 'deleted-account@redacted.invalid'

/**
 * The organizations the user owns with no other owner: each passes to its longest-standing member, or,
 * when the user is alone in it, goes with them (its members, invitations and memberships with it; the
 * subscription row, Stripe's ids and status with nothing personal, stays for the books).
 * docs/decisions/0021-account-deletion.md
 */
function settleOwnedOrganizations(tx: Tx, userId: string) {
  const owned = tx.select({ id: memberships.organizationId }).from(memberships).where(and(eq(memberships.userId, userId), eq(memberships.role, 'owner'))).all()
  for (const { id } of owned) {
    const otherOwners = tx.select({ n: count() }).from(memberships).where(and(eq(memberships.organizationId, id), eq(memberships.role, 'owner'), ne(memberships.userId, userId))).get()?.n ?? 0
    if (otherOwners > 0) continue
    const heir = tx.select({ userId: memberships.userId }).from(memberships).where(and(eq(memberships.organizationId, id), ne(memberships.userId, userId))).orderBy(asc(memberships.createdAt)).limit(1).get()
    if (heir) tx.update(memberships).set({ role: 'owner' }).where(and(eq(memberships.organizationId, id), eq(memberships.userId, heir.userId))).run()
    else tx.delete(organizations).where(eq(organizations.id, id)).run()
  }
}

export type DeletionResult = { ok: true } | { ok: false; error: 'wrongPassword' | 'gone' }

/**
 * Deletes an account after its password is confirmed. In one transaction: organizations settled (above),
 * pending invitations the user sent or that wait for their address removed, sent-email records stripped
 * of address and content, the user removed (sessions, memberships, tokens, preferences and their
 * suppression entries go with it), a short-lived notice row for the confirmation email written, and
 * `user/deleted` (the id only) queued, which cancels every running journey of theirs.
 */
export async function deleteAccount(input: { userId: string; password: string; now?: Date }): Promise<DeletionResult> {
  const now = input.now ?? new Date()
  const user = db.select({ passwordHash: users.passwordHash }).from(users).where(eq(users.id, input.userId)).get()
  if (!user) return { ok: false, error: 'gone' }
  // Slow work outside the transaction.
  if (!(await verifyPassword(input.password, user.passwordHash))) return { ok: false, error: 'wrongPassword' }
  const result = db.transaction((tx): DeletionResult => {
    const current = tx.select({ id: users.id, email: users.email, name: users.name, language: users.language }).from(users).where(eq(users.id, input.userId)).get()
    if (!current) return { ok: false, error: 'gone' }
    settleOwnedOrganizations(tx, current.id)
    tx.delete(invitations)
      .where(and(isNull(invitations.acceptedAt), or(eq(invitations.invitedBy, current.id), eq(invitations.email, current.email))))
      .run()
    tx.update(mailboxMessages)
      .set({ to: REDACTED_ADDRESS, subject: '', previewText: null, html: '', text: '', headers: {} })
      .where(eq(mailboxMessages.to, current.email))
      .run()
    tx.delete(users).where(eq(users.id, current.id)).run()
    tx.insert(accountDeletionNotices)
      .values({ userId: current.id, email: current.email, name: current.name, language: current.language, createdAt: now })
      .onConflictDoNothing()
      .run()
    enqueueEvent(tx, userDeleted.create({ userId: current.id }))
    return { ok: true }
  })
  if (result.ok) kickRelay()
  return result
}

/** The confirmation's recipient, for its step (null once sent, or never written). */
export function findDeletionNotice(userId: string) {
  return db.select().from(accountDeletionNotices).where(eq(accountDeletionNotices.userId, userId)).get() ?? null
}

export function forgetDeletionNotice(userId: string) {
  db.delete(accountDeletionNotices).where(eq(accountDeletionNotices.userId, userId)).run()
}

/** Notices whose email never went out within a week (the function failed for good): the address goes anyway. */
export function deleteStaleDeletionNotices(now: Date): number {
  return db.delete(accountDeletionNotices).where(lt(accountDeletionNotices.createdAt, new Date(now.getTime() - 7 * 24 * 60 * 60 * 1000))).run().changes
}

