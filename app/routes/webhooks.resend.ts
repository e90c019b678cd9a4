import type { Route } from './+types/webhooks.resend'
import { handleResendWebhook } from '~/engagement/webhook.server'

// Resend calls this from its servers: authenticated by the Svix signature headers, not by origin.
export async function action({ request }: Route.ActionArgs) {
  return handleResendWebhook(request)
}

export async function loader({ request }: Route.LoaderArgs) {
  return handleResendWebhook(request)
}
