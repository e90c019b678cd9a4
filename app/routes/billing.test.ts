// /pricing, "Start my trial", the success page and "Manage my subscription", called as React Router calls
// them, against the Stripe double through the real SDK.
import { vi } from 'vitest'
vi.hoisted(() => vi.stubEnv('STRIPE_TIMEOUT_MS', '400'))
import { eq } from 'drizzle-orm'
import { beforeEach, describe, expect, test } from 'vitest'
import { insertSession, sessionCookieFor } from '~/auth/session.server'
import { db } from '~/db/client.server'
import { checkoutSessions, memberships, organizations, stripePrices, subscriptions } from '~/db/schema'
import { stripeApi } from '../../test/app-context'
import { confirmEmail, createUser } from '../../test/db-utils'
import { APP, callRoute, formRequest, unwrap } from '../../test/route-harness'
import { action as portalAction, loader as portalLoader } from './billing.portal'
import { loader as successLoader } from './billing.success'
import { loader as unavailableLoader } from './billing.unavailable'
import { action as pricingAction, loader as pricingLoader } from './pricing'

async function signedIn(fields: Parameters<typeof createUser>[0] = {}, confirmed = true) {
  const user = createUser(fields)
  if (confirmed) confirmEmail(user.id)
  const expires = new Date(Date.now() + 3_600_000)
  const cookie = (await sessionCookieFor(insertSession(db, { userId: user.id }, expires), expires)).split(';')[0]!
  return { user, cookie }
}
const get = (path: string, headers: Record<string, string> = {}) => new Request(`${APP}${path}`, { headers })
const sessionsOf = (userId: string) => db.select().from(checkoutSessions).where(eq(checkoutSessions.userId, userId)).all()
const lastCheckout = () => [...stripeApi.checkoutSessions.values()].at(-1)!

beforeEach(() => {
  db.delete(stripePrices).run()
  stripeApi.failNext(0)
  stripeApi.delayNext(0, 0)
})

describe('/pricing', () => {
  test('shows every plan with the price from Stripe, monthly or yearly as asked', async () => {
    const page = unwrap(await callRoute(pricingLoader, get('/pricing?interval=year', { 'Accept-Language': 'fr' }))).body
    expect(page.intervals).toEqual(['month', 'year'])
    expect(page.interval).toBe('year')
    expect(page.plans).toEqual([
      { planId: 'starter', price: { unitAmount: 9000, currency: 'eur' } },
      { planId: 'pro', price: { unitAmount: 29000, currency: 'eur' } },
      // Stripe has no yearly Business price: shown, not sold.
      { planId: 'business', price: null },
    ])
    expect(page.viewer).toBe('anonymous')
    expect(page.trialDays).toBe(14)
  })

  test('Stripe down and nothing cached: the plans without prices, and a notice', async () => {
    stripeApi.failNext(4)
    const page = unwrap(await callRoute(pricingLoader, get('/pricing'))).body
    expect(page.unavailable).toBe(true)
    expect(page.plans.every((p: { price: unknown }) => p.price === null)).toBe(true)
  })
})

describe('Start my trial', () => {
  test('anonymous: sent to log in, and back to the plans after', async () => {
    const res = unwrap(await callRoute(pricingAction, formRequest('/pricing', { planId: 'pro', interval: 'month' })))
    expect(res.status).toBe(303)
    expect(res.headers.get('Location')).toBe('/login?redirectTo=%2Fpricing')
  })

  test('unconfirmed address: a localized refusal, and Stripe is not asked', async () => {
    const { user, cookie } = await signedIn({}, false)
    stripeApi.requests.length = 0
    const res = unwrap(await callRoute(pricingAction, formRequest('/pricing', { planId: 'pro', interval: 'month' }, { Cookie: cookie })))
    expect(res.status).toBe(403)
    expect(res.body.errors).toEqual({ form: 'pricing.errors.unconfirmed' })
    expect(stripeApi.requests).toEqual([])
    expect(sessionsOf(user.id)).toEqual([])
  })

  test.each([
    ['an unknown plan', { planId: 'enterprise', interval: 'month' }],
    ['an unknown interval', { planId: 'pro', interval: 'week' }],
    ['a missing plan', { interval: 'month' }],
    ['a price id instead of a plan', { planId: 'price_double_business_monthly', interval: 'month' }],
  ])('%s is refused with 400, nothing written', async (_, fields) => {
    const { user, cookie } = await signedIn()
    const res = unwrap(await callRoute(pricingAction, formRequest('/pricing', fields as Record<string, string>, { Cookie: cookie })))
    expect(res.status).toBe(400)
    expect(res.body.errors).toEqual({ form: 'pricing.errors.unknownPlan' })
    expect(sessionsOf(user.id)).toEqual([])
  })

  test('confirmed: a Checkout Session for the plan, the user named, their language, back on APP_URL (303)', async () => {
    const { user, cookie } = await signedIn({ language: 'es' })
    const res = unwrap(await callRoute(pricingAction, formRequest('/pricing', { planId: 'pro', interval: 'year' }, { Cookie: cookie })))
    expect(res.status).toBe(303)
    const session = lastCheckout()
    expect(res.headers.get('Location')).toBe(session.url)
    expect(session).toMatchObject({
      mode: 'subscription',
      price: 'price_double_pro_yearly',
      client_reference_id: user.id,
      customer_email: user.email,
      customer: null,
      locale: 'es',
      trial_period_days: 14,
      metadata: { user_id: user.id, plan_id: 'pro' },
      subscription_metadata: { user_id: user.id, plan_id: 'pro' },
      success_url: 'http://localhost:5173/billing/success?session_id={CHECKOUT_SESSION_ID}',
      cancel_url: 'http://localhost:5173/pricing?canceled=pro',
    })
    expect(sessionsOf(user.id)).toMatchObject([{ id: session.id, planId: 'pro', priceId: 'price_double_pro_yearly', completedAt: null }])
  })

  test('a plan without a price for that interval: 409, no session', async () => {
    const { user, cookie } = await signedIn()
    const res = unwrap(await callRoute(pricingAction, formRequest('/pricing', { planId: 'business', interval: 'year' }, { Cookie: cookie })))
    expect(res.status).toBe(409)
    expect(sessionsOf(user.id)).toEqual([])
  })

  test('Stripe failing: 503 with a localized message, nothing written', async () => {
    const { user, cookie } = await signedIn()
    await callRoute(pricingLoader, get('/pricing'))
    stripeApi.failNext(2)
    const res = unwrap(await callRoute(pricingAction, formRequest('/pricing', { planId: 'pro', interval: 'month' }, { Cookie: cookie })))
    expect(res.status).toBe(503)
    expect(res.body.errors).toEqual({ form: 'pricing.errors.stripe' })
    expect(sessionsOf(user.id)).toEqual([])
  })

  test('Stripe timing out: 503 within the timeout budget, nothing written', async () => {
    const { user, cookie } = await signedIn()
    await callRoute(pricingLoader, get('/pricing'))
    stripeApi.delayNext(3_000, 2)
    const started = Date.now()
    const res = unwrap(await callRoute(pricingAction, formRequest('/pricing', { planId: 'pro', interval: 'month' }, { Cookie: cookie })))
    expect(res.status).toBe(503)
    expect(Date.now() - started).toBeLessThan(2_500)
    expect(sessionsOf(user.id)).toEqual([])
  })

  test('someone who already subscribes is sent to the portal, not to a second Checkout', async () => {
    const { user, cookie } = await signedIn()
    const customer = 'cus_existing_1'
    stripeApi.customers.set(customer, { email: user.email })
    db.insert(subscriptions).values({ id: 'sub_existing_1', customerId: customer, status: 'active', lastEventAt: 1 }).run()
    const organization = db.insert(organizations).values({ name: 'Existing', stripeSubscriptionId: 'sub_existing_1', stripeCustomerId: customer }).returning().get()
    db.insert(memberships).values({ organizationId: organization.id, userId: user.id, role: 'owner' }).run()
    const before = stripeApi.checkoutSessions.size
    const res = unwrap(await callRoute(pricingAction, formRequest('/pricing', { planId: 'starter', interval: 'month' }, { Cookie: cookie })))
    expect(res.status).toBe(303)
    expect(res.headers.get('Location')).toMatch(/\/p\/session\/bps_/)
    expect(stripeApi.checkoutSessions.size).toBe(before)
  })
})

describe('the success page', () => {
  test('waiting, then confirmed, then ready with the organization and plan; never someone else\'s', async () => {
    const { user, cookie } = await signedIn()
    await callRoute(pricingAction, formRequest('/pricing', { planId: 'pro', interval: 'month' }, { Cookie: cookie }))
    const sessionId = lastCheckout().id
    const page = async (who = cookie) => unwrap(await callRoute(successLoader, get(`/billing/success?session_id=${sessionId}`, { Cookie: who })))
    expect((await page()).body.checkout).toEqual({ state: 'waiting', planId: 'pro' })

    db.update(checkoutSessions).set({ completedAt: new Date(), subscriptionId: 'sub_success_1', customerId: 'cus_success_1' }).where(eq(checkoutSessions.id, sessionId)).run()
    expect((await page()).body.checkout).toEqual({ state: 'confirmed', planId: 'pro' })

    const trialEnd = new Date(Date.now() + 14 * 86_400_000)
    db.insert(subscriptions).values({ id: 'sub_success_1', customerId: 'cus_success_1', status: 'trialing', trialEnd, lastEventAt: 1 }).run()
    const organization = db.insert(organizations).values({ name: 'Atelier Succès', stripeSubscriptionId: 'sub_success_1' }).returning().get()
    db.insert(memberships).values({ organizationId: organization.id, userId: user.id, role: 'owner' }).run()
    expect((await page()).body.checkout).toMatchObject({ state: 'ready', organizationName: 'Atelier Succès', planId: 'pro', trialEnd: trialEnd.toISOString() })

    const other = await signedIn()
    const theirs = await page(other.cookie)
    expect(theirs.status).toBe(404)
    expect(theirs.body.checkout).toEqual({ state: 'unknown' })
  })
})

describe('Manage my subscription', () => {
  test('opens a portal session for the subscriber, back to the dashboard; /pricing for someone without one', async () => {
    const { user, cookie } = await signedIn()
    stripeApi.customers.set('cus_portal_1', { email: user.email })
    db.insert(subscriptions).values({ id: 'sub_portal_1', customerId: 'cus_portal_1', status: 'trialing', lastEventAt: 1 }).run()
    const organization = db.insert(organizations).values({ name: 'Portal', stripeSubscriptionId: 'sub_portal_1' }).returning().get()
    db.insert(memberships).values({ organizationId: organization.id, userId: user.id, role: 'owner' }).run()
    const viaEmail = await callRoute(portalLoader, get('/billing/portal', { Cookie: cookie }))
    expect(unwrap(viaEmail).status).toBe(303)
    expect(unwrap(viaEmail).headers.get('Location')).toMatch(/\/p\/session\/bps_/)
    const viaButton = unwrap(await callRoute(portalAction, formRequest('/billing/portal', {}, { Cookie: cookie })))
    expect(viaButton.status).toBe(303)

    const nobody = await signedIn()
    const none = unwrap(await callRoute(portalAction, formRequest('/billing/portal', {}, { Cookie: nobody.cookie })))
    expect(none.headers.get('Location')).toBe('/pricing')
  })

  test('Stripe failing: to a page that says so (503), with a way to try again', async () => {
    const { user, cookie } = await signedIn()
    stripeApi.customers.set('cus_portal_2', { email: user.email })
    db.insert(subscriptions).values({ id: 'sub_portal_2', customerId: 'cus_portal_2', status: 'active', lastEventAt: 1 }).run()
    const organization = db.insert(organizations).values({ name: 'Portal 2', stripeSubscriptionId: 'sub_portal_2' }).returning().get()
    db.insert(memberships).values({ organizationId: organization.id, userId: user.id, role: 'owner' }).run()
    stripeApi.failNext(2)
    const res = unwrap(await callRoute(portalLoader, get('/billing/portal', { Cookie: cookie })))
    expect(res.status).toBe(303)
    expect(res.headers.get('Location')).toBe('/billing/unavailable')
    const page = unwrap(await callRoute(unavailableLoader, get('/billing/unavailable', { Cookie: cookie })))
    expect(page.status).toBe(200)
  })

  test('anonymous: to log in, then back here', async () => {
    const thrown = await callRoute(portalLoader, get('/billing/portal')).catch((error: unknown) => error)
    expect(unwrap(thrown).headers.get('Location')).toBe('/login?redirectTo=%2Fbilling%2Fportal')
  })
})
