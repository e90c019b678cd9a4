import { and, asc, eq, inArray, isNotNull } from 'drizzle-orm'
import { db } from '~/db/client.server'
import { checkoutSessions, memberships, organizations, subscriptions, users } from '~/db/schema'
import type { Locale } from '~/i18n/locales'

export type CreatedOrganization = {
  id: string
  name: string
  /**
   * The user Checkout was opened for, else the user who confirmed the customer's email, made owner; null
   * when there is neither (the organization then waits for whoever confirms the address).
   */
  owner: { id: string; name: string; email: string; language: Locale } | null
}

/**
 * Creates the organization of a Stripe subscription, once: the unique subscription id makes a retried
 * step (or a second run) find the organization the first one created. The user who has confirmed the
 * customer's email becomes its owner; an account that merely claims the address does not. Without one,
 * the organization keeps the address in `pendingOwnerEmail`, and whoever confirms it later becomes the
 * owner in that transaction (`markAddressProven`).
 *
 * A subscription bought through Courrier's Checkout names its user (`checkoutUserId`, from the
 * subscription's metadata, or a `checkout.session.completed` already linked): that user is the owner, and
 * no address is matched at all.
 */
export function createOrganizationForSubscription(input: {
  subscriptionId: string
  customerId: string
  name: string | null
  ownerEmail: string | null
  checkoutUserId?: string | null
}): CreatedOrganization {
  return db.transaction(
    (tx) => {
      const checkoutUser = checkoutUserOf(tx, input)
      tx.insert(organizations)
        .values({
          // Named after its customer in Stripe, else the user who bought it, else the address.
          name: input.name ?? checkoutUser?.name ?? input.ownerEmail ?? input.subscriptionId,
          stripeSubscriptionId: input.subscriptionId,
          stripeCustomerId: input.customerId,
        })
        .onConflictDoNothing({ target: organizations.stripeSubscriptionId })
        .run()
      const organization = tx
        .select({ id: organizations.id, name: organizations.name })
        .from(organizations)
        .where(eq(organizations.stripeSubscriptionId, input.subscriptionId))
        .get()!
      if (checkoutUser) {
        tx.insert(memberships)
          .values({
            organizationId: organization.id,
            userId: checkoutUser.id,
            role: 'owner',
          })
          .onConflictDoUpdate({
            target: [memberships.organizationId, memberships.userId],
            set: { role: 'owner' },
          })
          .run()
        tx.update(organizations).set({ pendingOwnerEmail: null }).where(eq(organizations.id, organization.id)).run()
        return { ...organization, owner: checkoutUser }
      }
      const user = input.ownerEmail
        ? tx
            .select({
              id: users.id,
              name: users.name,
              email: users.email,
              language: users.language,
            })
            .from(users)
            .where(and(eq(users.email, input.ownerEmail.toLowerCase()), isNotNull(users.emailVerifiedAt)))
            .get()
        : undefined
      if (user)
        tx.insert(memberships)
          .values({
            organizationId: organization.id,
            userId: user.id,
            role: 'owner',
          })
          .onConflictDoNothing()
          .run()
      else if (input.ownerEmail && !hasOwner(tx, organization.id)) {
        tx.update(organizations).set({ pendingOwnerEmail: input.ownerEmail.toLowerCase() }).where(eq(organizations.id, organization.id)).run()
      }
      return { ...organization, owner: user ?? null }
    },
    { behavior: 'immediate' },
  )
}

const ownerColumns = {
  id: users.id,
  name: users.name,
  email: users.email,
  language: users.language,
}

/** The user Checkout named for this subscription: the event's, else a completed session's; null if gone. */
function checkoutUserOf(tx: Pick<typeof db, 'select'>, input: { subscriptionId: string; checkoutUserId?: string | null }) {
  const userId =
    input.checkoutUserId ??
    tx
      .select({ userId: checkoutSessions.userId })
      .from(checkoutSessions)
      .where(and(eq(checkoutSessions.subscriptionId, input.subscriptionId), isNotNull(checkoutSessions.completedAt)))
      .get()?.userId
  if (!userId) return null
  return tx.select(ownerColumns).from(users).where(eq(users.id, userId)).get() ?? null
}

function hasOwner(tx: Pick<typeof db, 'select'>, organizationId: string): boolean {
  return Boolean(
    tx
      .select({ userId: memberships.userId })
      .from(memberships)
      .where(and(eq(memberships.organizationId, organizationId), eq(memberships.role, 'owner')))
      .get(),
  )
}

/** Whether someone has confirmed this address: then their language is the one to write in, and they own what it buys. */
export function hasConfirmedAccount(email: string): boolean {
  return Boolean(
    db
      .select({ id: users.id })
      .from(users)
      .where(and(eq(users.email, email.toLowerCase()), isNotNull(users.emailVerifiedAt)))
      .get(),
  )
}

/** The organizations a user belongs to, with their subscription and members, for the dashboard. */
export function organizationsOf(userId: string) {
  const mine = db
    .select({
      id: organizations.id,
      name: organizations.name,
      role: memberships.role,
      subscriptionId: organizations.stripeSubscriptionId,
    })
    .from(memberships)
    .innerJoin(organizations, eq(organizations.id, memberships.organizationId))
    .where(eq(memberships.userId, userId))
    .orderBy(asc(memberships.createdAt))
    .all()
  if (mine.length === 0) return []
  const ids = mine.map((o) => o.id)
  const members = db
    .select({
      organizationId: memberships.organizationId,
      userId: users.id,
      name: users.name,
      email: users.email,
      role: memberships.role,
    })
    .from(memberships)
    .innerJoin(users, eq(users.id, memberships.userId))
    .where(inArray(memberships.organizationId, ids))
    .orderBy(asc(memberships.createdAt))
    .all()
  const subscriptionIds = mine.map((o) => o.subscriptionId).filter((id): id is string => id !== null)
  const subs = subscriptionIds.length
    ? db
        .select({
          id: subscriptions.id,
          status: subscriptions.status,
          trialEnd: subscriptions.trialEnd,
          priceId: subscriptions.priceId,
        })
        .from(subscriptions)
        .where(inArray(subscriptions.id, subscriptionIds))
        .all()
    : []
  return mine.map((o) => ({
    id: o.id,
    name: o.name,
    role: o.role,
    subscription: subs.find((s) => s.id === o.subscriptionId) ?? null,
    members: members.filter((m) => m.organizationId === o.id).map(({ organizationId: _, ...m }) => m),
  }))
}
