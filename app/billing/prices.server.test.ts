import { beforeEach, describe, expect, test } from 'vitest'
import { db } from '~/db/client.server'
import { stripePrices } from '~/db/schema'
import { stripeApi } from '../../test/app-context'
import { formatMoney } from './plans'
import { forgetPrices, planPriceOf, planPrices, PRICE_CACHE_TTL_MS, PricesUnavailableError, priceFor } from './prices.server'

const priceCalls = () => stripeApi.requests.filter((r) => r.path.startsWith('/v1/prices'))

beforeEach(() => {
  db.delete(stripePrices).run()
  stripeApi.requests.length = 0
  stripeApi.failNext(0)
})

describe('plan prices', () => {
  test('are read from Stripe by lookup key, once, then from the cache', async () => {
    const prices = await planPrices()
    expect(prices.map((p) => [p.planId, p.interval, p.unitAmount, p.currency])).toEqual([
      ['starter', 'month', 900, 'eur'],
      ['starter', 'year', 9000, 'eur'],
      ['pro', 'month', 2900, 'eur'],
      ['pro', 'year', 29000, 'eur'],
      ['business', 'month', 9900, 'eur'],
    ])
    expect(priceCalls()).toHaveLength(1)
    expect(decodeURIComponent(priceCalls()[0]!.path)).toContain('lookup_keys[0]=starter_monthly')
    await planPrices()
    expect(priceCalls()).toHaveLength(1)
    // A plan without a yearly price in Stripe has none.
    expect(await priceFor('business', 'year')).toBeNull()
    expect((await priceFor('pro', 'month'))?.priceId).toBe('price_double_pro_monthly')
  })

  test('a price changed in Stripe shows once a price webhook has emptied the cache, or after the TTL', async () => {
    await planPrices()
    stripeApi.prices.get('price_double_pro_monthly')!.unit_amount = 3500
    expect((await priceFor('pro', 'month'))?.unitAmount).toBe(2900)
    db.transaction((tx) => forgetPrices(tx))
    expect((await priceFor('pro', 'month'))?.unitAmount).toBe(3500)
    stripeApi.prices.get('price_double_pro_monthly')!.unit_amount = 3900
    expect((await planPrices(Date.now() + PRICE_CACHE_TTL_MS + 1)).find((p) => p.lookupKey === 'pro_monthly')?.unitAmount).toBe(3900)
    stripeApi.prices.get('price_double_pro_monthly')!.unit_amount = 2900
  })

  test('a Stripe outage serves a stale cache, and without one says prices are unavailable', async () => {
    stripeApi.failNext(4)
    await expect(planPrices()).rejects.toBeInstanceOf(PricesUnavailableError)
    stripeApi.failNext(0)
    await planPrices()
    stripeApi.failNext(4)
    expect(await planPrices(Date.now() + PRICE_CACHE_TTL_MS + 1)).toHaveLength(5)
    stripeApi.failNext(0)
  })

  test('a subscription price names its plan', async () => {
    expect((await planPriceOf('price_double_business_monthly'))?.planId).toBe('business')
    expect(await planPriceOf('price_somebody_else')).toBeNull()
    expect(await planPriceOf(null)).toBeNull()
  })
})

describe('formatMoney', () => {
  test('writes the amount as each language does', () => {
    expect(formatMoney(2900, 'eur', 'fr')).toBe('29,00\u00a0€')
    expect(formatMoney(2900, 'eur', 'en')).toBe('€29.00')
    expect(formatMoney(2900, 'eur', 'es')).toBe('29,00\u00a0€')
    expect(formatMoney(2900, 'usd', 'en')).toBe('$29.00')
    expect(formatMoney(500, 'jpy', 'en')).toBe('¥500')
  })
})
