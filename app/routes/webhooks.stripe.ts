import type { Route } from './+types/webhooks.stripe'
import { handleStripeWebhook } from '~/billing/webhook.server'

// Stripe calls this from its servers: authenticated by the Stripe-Signature header, not by origin.
export async function action({ request }: Route.ActionArgs) {
  return handleStripeWebhook(request)
}

export async function loader({ request }: Route.LoaderArgs) {
  return handleStripeWebhook(request)
}
