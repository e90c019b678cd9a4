import { createHmac, timingSafeEqual } from 'node:crypto'

/** Stripe's default tolerance for a signature's timestamp (its SDK's `Webhook.DEFAULT_TOLERANCE`): 5 minutes. */
export const SIGNATURE_TOLERANCE_SECONDS = 300

/**
 * Checks a `Stripe-Signature` header the way Stripe's SDK does (`webhooks.signature.verifyHeader`, stripe-node
 * 23), without loading the SDK: the SDK is ~21 MB and ~0.2–0.7 s to import, and its package exports no
 * lighter entry. The header is `t=<unix seconds>,v1=<hex>[,v1=<hex>…][,v0=…]`; a `v1` is the hex HMAC-SHA256,
 * keyed with the endpoint's whole signing secret, of `<t>.<raw body>`. One matching `v1` (compared in constant
 * time) is enough, other schemes are ignored, and a timestamp older than the tolerance is refused (as the SDK
 * does, a timestamp in the future is not). Stricter than the SDK on one point: a non-numeric `t` is refused.
 */
export function verifyStripeSignature(payload: Uint8Array, header: string, secret: string, nowMs = Date.now()): boolean {
  if (!secret.trim() || payload.length === 0) return false
  let timestamp = Number.NaN
  const signatures: string[] = []
  for (const item of header.split(',')) {
    const [key, value] = item.split('=')
    if (key === 't' && value !== undefined) timestamp = /^\d+$/.test(value) ? Number(value) : Number.NaN
    if (key === 'v1' && value) signatures.push(value)
  }
  if (!Number.isSafeInteger(timestamp) || signatures.length === 0) return false
  const expected = Buffer.from(createHmac('sha256', secret).update(`${timestamp}.`).update(payload).digest('hex'))
  const matches = signatures.some((signature) => {
    const candidate = Buffer.from(signature)
    return candidate.length === expected.length && timingSafeEqual(candidate, expected)
  })
  return matches && Math.floor(nowMs / 1000) - timestamp <= SIGNATURE_TOLERANCE_SECONDS
}
