import { and, desc, eq, inArray, isNotNull, ne, notInArray } from 'drizzle-orm'
import { db } from '~/db/client.server'
import { checkoutSessions, memberships, organizations, subscriptions, users } from '~/db/schema'
import { env } from '~/env.server'
import type { Locale } from '~/i18n/locales'
import type { Interval, PlanId } from './plans'
import { PricesUnavailableError, priceFor } from './prices.server'
import { isStripeError, stripe } from './stripe.server'

type Tx = Parameters<Parameters<typeof db.transaction>[0]>[0]

/** Statuses after which a subscription is over: its owner may check out again. */
const ENDED = ['canceled', 'incomplete_expired']

/** Stripe could not be reached, timed out or refused: the user is told to try again, nothing is written. */
export class StripeUnavailableError extends Error {
  constructor(cause: unknown) {
    super(`Stripe is unavailable: ${cause instanceof Error ? cause.message : String(cause)}`, { cause })
    this.name = 'StripeUnavailableError'
  }
}

async function callStripe<T>(call: () => Promise<T>): Promise<T> {
  // A server without its Stripe key cannot sell anything: said to the user as Stripe being unavailable.
  if (!env.STRIPE_SECRET_KEY) throw new StripeUnavailableError('STRIPE_SECRET_KEY is not set')
  try {
    return await call()
  } catch (error) {
    if (isStripeError(error) || error instanceof PricesUnavailableError) throw new StripeUnavailableError(error)
    throw error
  }
}

/**
 * The Stripe customer of a user's live subscription: one they own an organization for, or one a
 * completed checkout made (whose organization may still be on its way). Null when they have none.
 */
export function liveSubscriptionCustomer(userId: string): string | null {
  const owned = db
    .select({ customerId: subscriptions.customerId })
    .from(memberships)
    .innerJoin(organizations, eq(organizations.id, memberships.organizationId))
    .innerJoin(subscriptions, eq(subscriptions.id, organizations.stripeSubscriptionId))
    .where(and(eq(memberships.userId, userId), eq(memberships.role, 'owner'), notInArray(subscriptions.status, ENDED)))
    .get()
  if (owned) return owned.customerId
  const checkedOut = db
    .select({ customerId: checkoutSessions.customerId, status: subscriptions.status })
    .from(checkoutSessions)
    .leftJoin(subscriptions, eq(subscriptions.id, checkoutSessions.subscriptionId))
    .where(and(eq(checkoutSessions.userId, userId), isNotNull(checkoutSessions.completedAt)))
    .orderBy(desc(checkoutSessions.createdAt))
    .all()
    .find((row) => row.customerId && !ENDED.includes(row.status ?? ''))
  return checkedOut?.customerId ?? null
}

/** The Stripe customer an earlier checkout of this user made, so a second subscription does not make another. */
function knownCustomer(userId: string): string | null {
  return (
    db
      .select({ customerId: checkoutSessions.customerId })
      .from(checkoutSessions)
      .where(and(eq(checkoutSessions.userId, userId), isNotNull(checkoutSessions.customerId)))
      .orderBy(desc(checkoutSessions.createdAt))
      .get()?.customerId ?? null
  )
}

export type CheckoutUser = { id: string; email: string; language: Locale }

/**
 * A Stripe Checkout Session in subscription mode for a plan's price, for this user: the trial of
 * STRIPE_TRIAL_DAYS, their address (or their existing customer), their id as `client_reference_id` and in
 * the subscription's metadata, their language, and the way back to Courrier. The session is recorded
 * only once Stripe made it; `null` when Stripe has no price for that plan and interval.
 */
export async function createCheckoutSession(user: CheckoutUser, planId: PlanId, interval: Interval): Promise<{ url: string } | null> {
  const price = await callStripe(() => priceFor(planId, interval))
  if (!price) return null
  const customer = knownCustomer(user.id)
  const appUrl = env.APP_URL
  const session = await callStripe(async () =>
    (await stripe()).checkout.sessions.create(
      {
        mode: 'subscription',
        line_items: [{ price: price.priceId, quantity: 1 }],
        ...(customer ? { customer } : { customer_email: user.email }),
        client_reference_id: user.id,
        metadata: { user_id: user.id, plan_id: planId },
        subscription_data: {
          ...(env.STRIPE_TRIAL_DAYS > 0 ? { trial_period_days: env.STRIPE_TRIAL_DAYS } : {}),
          metadata: { user_id: user.id, plan_id: planId },
        },
        locale: user.language,
        success_url: new URL('/billing/success?session_id={CHECKOUT_SESSION_ID}', appUrl).href.replace('%7BCHECKOUT_SESSION_ID%7D', '{CHECKOUT_SESSION_ID}'),
        cancel_url: new URL(`/pricing?canceled=${planId}`, appUrl).href,
      },
      { timeout: env.STRIPE_TIMEOUT_MS },
    ),
  )
  if (!session.url) throw new StripeUnavailableError('Stripe returned a Checkout Session without a URL')
  db.insert(checkoutSessions).values({ id: session.id, userId: user.id, planId, priceId: price.priceId }).onConflictDoNothing().run()
  return { url: session.url }
}

/** A Billing Portal session for the user's live subscription, back to the dashboard; null when they have none. */
export async function createPortalSession(user: CheckoutUser): Promise<{ url: string } | null> {
  const customer = liveSubscriptionCustomer(user.id)
  if (!customer) return null
  const session = await callStripe(async () =>
    (await stripe()).billingPortal.sessions.create({ customer, return_url: new URL('/dashboard', env.APP_URL).href, locale: user.language }, { timeout: env.STRIPE_TIMEOUT_MS }),
  )
  return { url: session.url }
}

/**
 * `checkout.session.completed`, inside the webhook's transaction: the customer and subscription Stripe made
 * belong to the user Checkout was opened for. If the subscription's organization already exists (its
 * event came first), that user becomes its owner now, whatever address it was matched with.
 */
export function linkCompletedCheckout(tx: Tx, session: { id: string; userId: string; customerId: string | null; subscriptionId: string | null; planId: string | null }) {
  const user = tx.select({ id: users.id }).from(users).where(eq(users.id, session.userId)).get()
  if (!user) return { linked: false as const }
  tx.insert(checkoutSessions)
    .values({
      id: session.id,
      userId: user.id,
      planId: session.planId ?? 'unknown',
      priceId: '',
      customerId: session.customerId,
      subscriptionId: session.subscriptionId,
      completedAt: new Date(),
    })
    .onConflictDoUpdate({
      target: checkoutSessions.id,
      set: { customerId: session.customerId, subscriptionId: session.subscriptionId, completedAt: new Date() },
      // A session is someone's: a forged or confused client_reference_id does not move it to another user.
      setWhere: eq(checkoutSessions.userId, user.id),
    })
    .run()
  if (session.subscriptionId) attachOwner(tx, session.subscriptionId, user.id)
  return { linked: true as const }
}

/**
 * Makes the user the owner of the subscription's organization, if it exists yet. Whoever an address match
 * made owner before Checkout's word arrived stays in the organization as a member; nobody waits for an
 * address any more.
 */
function attachOwner(tx: Tx, subscriptionId: string, userId: string) {
  const organization = tx.select({ id: organizations.id }).from(organizations).where(eq(organizations.stripeSubscriptionId, subscriptionId)).get()
  if (!organization) return
  tx.update(memberships)
    .set({ role: 'member' })
    .where(and(eq(memberships.organizationId, organization.id), eq(memberships.role, 'owner'), ne(memberships.userId, userId)))
    .run()
  tx.insert(memberships)
    .values({ organizationId: organization.id, userId, role: 'owner' })
    .onConflictDoUpdate({ target: [memberships.organizationId, memberships.userId], set: { role: 'owner' } })
    .run()
  tx.update(organizations).set({ pendingOwnerEmail: null }).where(eq(organizations.id, organization.id)).run()
}

/** Whether a user id names one of our users (a webhook naming nobody is acknowledged and not stored). */
export function isKnownUser(userId: string): boolean {
  return Boolean(db.select({ id: users.id }).from(users).where(eq(users.id, userId)).get())
}

/** The user Checkout named for this subscription, if a completed checkout says so. */
export function checkoutUserOf(subscriptionId: string): string | null {
  return (
    db
      .select({ userId: checkoutSessions.userId })
      .from(checkoutSessions)
      .where(and(eq(checkoutSessions.subscriptionId, subscriptionId), isNotNull(checkoutSessions.completedAt)))
      .get()?.userId ?? null
  )
}

export type CheckoutState =
  | { state: 'unknown' }
  | { state: 'waiting'; planId: string }
  | { state: 'confirmed'; planId: string }
  | { state: 'ready'; planId: string; organizationName: string; status: string; trialEnd: Date | null }

/**
 * What the success page shows for one of the user's checkout sessions: not theirs (or not known),
 * waiting for Stripe's confirmation, confirmed while the organization is being made, or ready.
 */
export function checkoutStateFor(userId: string, sessionId: string): CheckoutState {
  const session = db
    .select()
    .from(checkoutSessions)
    .where(and(eq(checkoutSessions.id, sessionId), eq(checkoutSessions.userId, userId)))
    .get()
  if (!session) return { state: 'unknown' }
  if (!session.completedAt || !session.subscriptionId) return { state: 'waiting', planId: session.planId }
  const organization = db
    .select({ name: organizations.name, status: subscriptions.status, trialEnd: subscriptions.trialEnd })
    .from(organizations)
    .innerJoin(memberships, and(eq(memberships.organizationId, organizations.id), eq(memberships.userId, userId)))
    .leftJoin(subscriptions, eq(subscriptions.id, organizations.stripeSubscriptionId))
    .where(eq(organizations.stripeSubscriptionId, session.subscriptionId))
    .get()
  if (!organization) return { state: 'confirmed', planId: session.planId }
  return { state: 'ready', planId: session.planId, organizationName: organization.name, status: organization.status ?? 'incomplete', trialEnd: organization.trialEnd }
}

/** Prices of subscriptions, for pages that show which plan an organization is on. */
export function subscriptionPrices(subscriptionIds: string[]) {
  if (subscriptionIds.length === 0) return []
  return db.select({ id: subscriptions.id, priceId: subscriptions.priceId }).from(subscriptions).where(inArray(subscriptions.id, subscriptionIds)).all()
}
