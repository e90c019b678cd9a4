import { and, asc, count, eq, isNull, lt, sql } from 'drizzle-orm'
import { db } from '~/db/client.server'
import { prepared } from '~/db/prepared.server'
import { invitations, memberships, organizations, sessions, subscriptions, users, userTokens } from '~/db/schema'

/** What the functions read and delete. Kept here, not in billing/ or organizations/, which own their writes. */

/** The user an email is for, read fresh when the step sends (a prepared statement: every email step reads it). */
export function findRecipient(userId: string) {
  return prepareRecipient(db).get({ userId }) ?? null
}

const prepareRecipient = prepared((reader: typeof db) =>
  reader
    .select({
      id: users.id,
      name: users.name,
      email: users.email,
      language: users.language,
      emailVerifiedAt: users.emailVerifiedAt,
    })
    .from(users)
    .where(eq(users.id, sql.placeholder('userId')))
    .prepare(),
)

export function findSubscription(subscriptionId: string) {
  return (
    db
      .select({
        status: subscriptions.status,
        trialEnd: subscriptions.trialEnd,
        priceId: subscriptions.priceId,
      })
      .from(subscriptions)
      .where(eq(subscriptions.id, subscriptionId))
      .get() ?? null
  )
}

/** The organization with its first owner (the one who created it when there are several). */
export function findOrganizationOwner(organizationId: string) {
  return (
    db
      .select({
        organizationName: organizations.name,
        stripeSubscriptionId: organizations.stripeSubscriptionId,
        ownerName: users.name,
        ownerEmail: users.email,
        ownerLanguage: users.language,
      })
      .from(organizations)
      .leftJoin(memberships, and(eq(memberships.organizationId, organizations.id), eq(memberships.role, 'owner')))
      .leftJoin(users, eq(users.id, memberships.userId))
      .where(eq(organizations.id, organizationId))
      .orderBy(asc(memberships.createdAt))
      .limit(1)
      .get() ?? null
  )
}

/** The organization of a Stripe subscription, with its first owner: whom a billing email goes to. */
export function findSubscriptionOwner(subscriptionId: string) {
  const organization = db
    .select({ id: organizations.id })
    .from(organizations)
    .where(eq(organizations.stripeSubscriptionId, subscriptionId))
    .get();
  return organization ? findOrganizationOwner(organization.id) : null;
}

export function deleteExpiredSessions(now: Date): number {
  return db.delete(sessions).where(lt(sessions.expiresAt, now)).run().changes
}

/** Invitations past their expiry that nobody accepted; accepted ones stay as the record of who joined how. */
export function deleteExpiredInvitations(now: Date): number {
  return db
    .delete(invitations)
    .where(and(lt(invitations.expiresAt, now), isNull(invitations.acceptedAt)))
    .run().changes
}

/** Emailed links (password reset…) past their expiry, used or not: worthless, and nothing else points at them. */
export function deleteExpiredUserTokens(now: Date): number {
  return db.delete(userTokens).where(lt(userTokens.expiresAt, now)).run().changes
}

/**
 * Where a user stands for the onboarding emails, read when the step sends: their first organization
 * (role, people in it) and that organization's subscription (status, trial end). Null: none.
 */
export function findOnboardingState(userId: string) {
  const first = db
    .select({ id: organizations.id, name: organizations.name, role: memberships.role, subscriptionId: organizations.stripeSubscriptionId })
    .from(memberships)
    .innerJoin(organizations, eq(organizations.id, memberships.organizationId))
    .where(eq(memberships.userId, userId))
    .orderBy(asc(memberships.createdAt))
    .limit(1)
    .get()
  if (!first) return { organization: null, subscription: null }
  const members = db.select({ n: count() }).from(memberships).where(eq(memberships.organizationId, first.id)).get()?.n ?? 1
  const subscription = first.subscriptionId
    ? db.select({ status: subscriptions.status, trialEnd: subscriptions.trialEnd }).from(subscriptions).where(eq(subscriptions.id, first.subscriptionId)).get()
    : undefined
  return {
    organization: { name: first.name, role: first.role, members },
    subscription: subscription ? { organizationName: first.name, status: subscription.status, trialEnd: subscription.trialEnd?.toISOString() ?? null } : null,
  }
}
