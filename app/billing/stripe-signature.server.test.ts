import Stripe from 'stripe'
import { describe, expect, test } from 'vitest'
import { verifyStripeSignature } from './stripe-signature.server'

// Stripe's own SDK signs and checks here: our check must agree with it on every header.
const sdk = new Stripe('sk_test_unused')
const secret = 'whsec_test_signature_0123456789'
const payload = JSON.stringify({ id: 'evt_1', object: 'event', note: 'é ✓ 日本' })
const now = Math.floor(Date.now() / 1000)
const sign = (options: { payload?: string; secret?: string; timestamp?: number } = {}) =>
  sdk.webhooks.generateTestHeaderString({ payload: options.payload ?? payload, secret: options.secret ?? secret, timestamp: options.timestamp ?? now })
const v1 = (header: string) => header.split(',').find((part) => part.startsWith('v1='))!

const sdkAccepts = (body: string, header: string) => {
  try {
    return sdk.webhooks.signature!.verifyHeader(body, header, secret)
  } catch {
    return false
  }
}

describe('verifyStripeSignature', () => {
  const cases: Array<[string, string, string]> = [
    ['a header the SDK made', payload, sign()],
    ['a second v1 (a secret being rolled) beside the right one', payload, `t=${now},v1=${'0'.repeat(64)},${v1(sign())}`],
    ['a v0 beside the v1', payload, `${sign()},v0=abc`],
    ['a signature 4 minutes old', payload, sign({ timestamp: now - 240 })],
    ['another secret', payload, sign({ secret: 'whsec_someone_else' })],
    ['a changed body', payload.replace('evt_1', 'evt_2'), sign()],
    ['a signature 6 minutes old', payload, sign({ timestamp: now - 360 })],
    ['the timestamp moved forward', payload, `t=${now},${v1(sign({ timestamp: now - 3600 }))}`],
    ['no v1', payload, `t=${now},v0=${v1(sign()).slice(3)}`],
    ['no timestamp', payload, v1(sign())],
    ['not a header', payload, 'not a signature'],
    ['a truncated signature', payload, sign().slice(0, -2)],
    ['an empty body', '', sign({ payload: '' })],
  ]
  test.each(cases)('%s: the same answer as the SDK', (_, body, header) => {
    expect(verifyStripeSignature(Buffer.from(body), header, secret)).toBe(sdkAccepts(body, header))
  })

  test('accepts what it should and refuses what it should', () => {
    expect(verifyStripeSignature(Buffer.from(payload), sign(), secret)).toBe(true)
    expect(verifyStripeSignature(Buffer.from(payload), sign({ timestamp: now - 360 }), secret)).toBe(false)
    expect(verifyStripeSignature(Buffer.from(payload), sign(), '')).toBe(false)
    expect(verifyStripeSignature(Buffer.from(payload), `t=1e9,${v1(sign())}`, secret)).toBe(false)
  })
})
