import type Stripe from 'stripe'
import { db } from '~/db/client.server'
import { stripePrices } from '~/db/schema'
import { env } from '~/env.server'
import { INTERVALS, PLAN_IDS, type Interval, type PlanId, type PlanPrice } from './plans'
import { requireStripeSecretKey, stripe } from './stripe.server'

type Tx = Parameters<Parameters<typeof db.transaction>[0]>[0]

/**
 * A safety net only: `price.*` and `product.*` webhooks empty the cache as soon as Stripe changes a price.
 * Should a webhook be lost, a changed price shows after at most this long.
 */
export const PRICE_CACHE_TTL_MS = 60 * 60 * 1000

/** Each plan's lookup keys, from the environment (STRIPE_PRICES_STARTER, …). */
export function lookupKeysOf(planId: PlanId): readonly string[] {
  return { starter: env.STRIPE_PRICES_STARTER, pro: env.STRIPE_PRICES_PRO, business: env.STRIPE_PRICES_BUSINESS }[planId]
}

function planOfLookupKey(lookupKey: string): PlanId | null {
  return PLAN_IDS.find((planId) => lookupKeysOf(planId).includes(lookupKey)) ?? null
}

export class PricesUnavailableError extends Error {
  constructor(cause: unknown) {
    super('Stripe prices are unavailable', { cause })
    this.name = 'PricesUnavailableError'
  }
}

type Row = typeof stripePrices.$inferSelect
const STORED_INTERVALS = ['day', 'week', 'month', 'year'] as const

function toPlanPrice(row: Row): PlanPrice | null {
  const planId = planOfLookupKey(row.lookupKey)
  const interval = INTERVALS.find((i) => i === row.interval)
  // A key without an active price, a metered or one-off price: not something /pricing can sell.
  if (!planId || !row.priceId || row.unitAmount === null || !row.currency || !interval) return null
  return { planId, priceId: row.priceId, lookupKey: row.lookupKey, unitAmount: row.unitAmount, currency: row.currency, interval, intervalCount: row.intervalCount ?? 1 }
}

/** Asks Stripe for every configured lookup key at once and replaces the cache with its answer. */
async function refresh(allKeys: string[]): Promise<Row[]> {
  requireStripeSecretKey()
  // Stripe takes at most 10 lookup keys per list call.
  const found: Stripe.Price[] = []
  for (let i = 0; i < allKeys.length; i += 10) {
    const page = await (await stripe()).prices.list({ lookup_keys: allKeys.slice(i, i + 10), active: true, limit: 100 }, { timeout: env.STRIPE_TIMEOUT_MS })
    found.push(...page.data)
  }
  const fetchedAt = new Date()
  const rows: Row[] = allKeys.map((lookupKey) => {
    const price = found.find((p) => p.lookup_key === lookupKey)
    const recurring = price?.recurring
    return {
      lookupKey,
      priceId: price?.id ?? null,
      productId: price ? (typeof price.product === 'string' ? price.product : price.product.id) : null,
      unitAmount: price?.unit_amount ?? null,
      currency: price?.currency ?? null,
      interval: STORED_INTERVALS.find((i) => i === recurring?.interval) ?? null,
      intervalCount: recurring?.interval_count ?? null,
      fetchedAt,
    }
  })
  db.transaction((tx) => {
    tx.delete(stripePrices).run()
    for (const row of rows) tx.insert(stripePrices).values(row).run()
  })
  return rows
}

/**
 * Every plan's prices, as Stripe last reported them: from the cache while it is fresh, else from Stripe
 * (one list call). When Stripe cannot be reached, a stale cache still answers; with no cache at all,
 * `PricesUnavailableError`.
 */
export async function planPrices(now = Date.now()): Promise<PlanPrice[]> {
  const allKeys = PLAN_IDS.flatMap((planId) => lookupKeysOf(planId))
  let rows = db.select().from(stripePrices).all()
  const fresh = allKeys.every((key) => rows.some((row) => row.lookupKey === key && now - row.fetchedAt.getTime() < PRICE_CACHE_TTL_MS))
  if (!fresh) {
    try {
      rows = await refresh(allKeys)
    } catch (error) {
      const usable = rows.filter((row) => allKeys.includes(row.lookupKey))
      if (usable.length === 0) throw new PricesUnavailableError(error)
      console.warn(`stripe prices: serving the cache of ${usable[0]!.fetchedAt.toISOString()}: ${error instanceof Error ? error.message : String(error)}`)
      rows = usable
    }
  }
  // In the order of the configuration: a plan's first key first.
  return allKeys.flatMap((key) => {
    const row = rows.find((r) => r.lookupKey === key)
    const price = row && toPlanPrice(row)
    return price ? [price] : []
  })
}

/** The price a plan is sold at for an interval, or null when Stripe has none. */
export async function priceFor(planId: PlanId, interval: Interval): Promise<PlanPrice | null> {
  return (await planPrices()).find((price) => price.planId === planId && price.interval === interval) ?? null
}

/**
 * Which plan a subscription's price belongs to, with its amount as Stripe reports it, or null for a price
 * /pricing does not sell. A price no longer in the catalogue (replaced since the customer subscribed)
 * is retrieved by id: the email says what they bought, not today's price. Errors other than "no such
 * price" are thrown, for the step that asks to be retried.
 */
export async function planPriceOf(priceId: string | null): Promise<PlanPrice | null> {
  if (!priceId) return null
  const current = (await planPrices()).find((price) => price.priceId === priceId)
  if (current) return current
  let price: Stripe.Price
  try {
    price = await (await stripe()).prices.retrieve(priceId, {}, { timeout: env.STRIPE_TIMEOUT_MS })
  } catch (error) {
    if ((error as { statusCode?: number }).statusCode === 404) return null
    throw error
  }
  const planId = price.lookup_key ? planOfLookupKey(price.lookup_key) : null
  const interval = INTERVALS.find((i) => i === price.recurring?.interval)
  if (!planId || !interval || price.unit_amount === null) return null
  return { planId, priceId, lookupKey: price.lookup_key!, unitAmount: price.unit_amount, currency: price.currency, interval, intervalCount: price.recurring?.interval_count ?? 1 }
}

/** A plan and price as a billing email's context carries it (app/events/plan.ts). */
export async function planContextOf(priceId: string | null) {
  const price = await planPriceOf(priceId)
  return price && { planId: price.planId, unitAmount: price.unitAmount, currency: price.currency, interval: price.interval }
}

/** A `price.*` or `product.*` webhook: the next read asks Stripe again. Written in the webhook's transaction. */
export function forgetPrices(tx: Tx) {
  tx.delete(stripePrices).run()
}

/**
 * For pages that show which plan an organization is on: a lookup from a subscription's price to its plan
 * and price. Stripe being down leaves the plan out rather than the page.
 */
export async function subscriptionPlans(): Promise<(priceId: string | null) => Pick<PlanPrice, 'planId' | 'unitAmount' | 'currency' | 'interval'> | null> {
  let prices: PlanPrice[] = []
  try {
    prices = await planPrices()
  } catch (error) {
    if (!(error instanceof PricesUnavailableError)) throw error
  }
  return (priceId) => {
    const price = priceId ? prices.find((p) => p.priceId === priceId) : undefined
    return price ? { planId: price.planId, unitAmount: price.unitAmount, currency: price.currency, interval: price.interval } : null
  }
}
