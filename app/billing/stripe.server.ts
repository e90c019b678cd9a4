import Stripe from 'stripe'
import { env } from '~/env.server'

/** Host, port and protocol for the SDK, from STRIPE_API_URL (tests point it at a loopback double). */
export function stripeApiLocation(apiUrl: string | undefined) {
  if (!apiUrl) return {}
  const url = new URL(apiUrl)
  const protocol = url.protocol === 'http:' ? 'http' : 'https'
  return { host: url.hostname, port: url.port || (protocol === 'http' ? 80 : 443), protocol } as const
}

let client: Stripe | undefined

/**
 * The one Stripe client. Webhook verification needs no API key; calls to the API do, and fail with a
 * clear message when STRIPE_SECRET_KEY is missing rather than with Stripe's "invalid API key".
 */
export function stripe(): Stripe {
  return (client ??= new Stripe(env.STRIPE_SECRET_KEY ?? 'sk_unset', {
    ...stripeApiLocation(env.STRIPE_API_URL),
    // Inngest retries the step that calls Stripe; one quick SDK retry covers a dropped connection.
    maxNetworkRetries: 1,
    timeout: env.STRIPE_TIMEOUT_MS,
    appInfo: { name: 'Courrier' },
  }))
}

export function requireStripeSecretKey() {
  if (!env.STRIPE_SECRET_KEY) throw new Error('STRIPE_SECRET_KEY is not set: Courrier cannot call the Stripe API')
}
