import type Stripe from 'stripe'
import { env } from '~/env.server'

/** Host, port and protocol for the SDK, from STRIPE_API_URL (tests point it at a loopback double). */
export function stripeApiLocation(apiUrl: string | undefined) {
  if (!apiUrl) return {}
  const url = new URL(apiUrl)
  const protocol = url.protocol === 'http:' ? 'http' : 'https'
  return { host: url.hostname, port: url.port || (protocol === 'http' ? 80 : 443), protocol } as const
}

let sdk: typeof Stripe | undefined
let client: Promise<Stripe> | undefined

/**
 * The one Stripe client, its SDK loaded on the first call: the SDK weighs ~21 MB and takes 0.2–0.7 s to
 * import, and a server that only renders pages never needs it, and
 * one that takes webhooks loads it with the first delivery. Calls to the API need STRIPE_SECRET_KEY and fail with a clear message
 * when it is missing rather than with Stripe's "invalid API key".
 */
export function stripe(): Promise<Stripe> {
  return (client ??= import('stripe').then(
    ({ default: StripeSdk }) => {
      sdk = StripeSdk
      return new StripeSdk(env.STRIPE_SECRET_KEY ?? 'sk_unset', {
        ...stripeApiLocation(env.STRIPE_API_URL),
        // Inngest retries the step that calls Stripe; one quick SDK retry covers a dropped connection.
        maxNetworkRetries: 1,
        timeout: env.STRIPE_TIMEOUT_MS,
        appInfo: { name: 'Courrier' },
      })
    },
    (error: unknown) => {
      client = undefined
      throw error
    },
  ))
}

/**
 * Whether an error is one of the SDK's (any `StripeError`, or the named subclass). Only an SDK call throws
 * one, and that call loaded the SDK: before that, nothing is a Stripe error.
 */
export function isStripeError<K extends 'StripeError' | 'StripeInvalidRequestError' | 'StripeSignatureVerificationError'>(
  error: unknown,
  kind: K = 'StripeError' as K,
): error is InstanceType<(typeof Stripe.errors)[K]> {
  return sdk !== undefined && error instanceof sdk.errors[kind]
}

export function requireStripeSecretKey() {
  if (!env.STRIPE_SECRET_KEY) throw new Error('STRIPE_SECRET_KEY is not set: Courrier cannot call the Stripe API')
}
