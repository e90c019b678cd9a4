import type { Resend } from 'resend'
import { env } from '~/env.server'
import { CLOSE_CONNECTION, readBodyWithLimit } from '~/http/read-body.server'
import { recordResendEvent, ResendEventSchema } from './record.server'

/** Resend's webhook payloads are a few kilobytes; anything near this is not one of them. */
export const MAX_RESEND_WEBHOOK_BYTES = 256 * 1024

function answer(status: number, body: Record<string, unknown>, headers: Record<string, string> = {}) {
  return Response.json(body, { status, headers })
}

// Verification needs no API key; the SDK's constructor asks for one all the same.
let webhooks: Resend['webhooks'] | undefined
// Resend's SDK loads on the first delivery, not at the server's start (docs/decisions/0008-performance.md).
const verifier = async () => (webhooks ??= new (await import('resend')).Resend(env.RESEND_API_KEY ?? 're_webhook_verification_only').webhooks)

/**
 * POST /webhooks/resend. Resend signs each delivery the way Svix does (`svix-id`, `svix-timestamp`,
 * `svix-signature` over the raw body, timestamp within 5 minutes) and retries anything but a 2xx for a
 * day. A delivery that is signed gets a 2xx once it is recorded (or was already), whatever its type; one
 * that is not — no or a bad signature, a stale or future timestamp — gets a 400 and changes nothing, as
 * does a signed body that is not JSON. A failed commit gets a 503, so Resend delivers it again.
 */
export async function handleResendWebhook(request: Request): Promise<Response> {
  if (request.method !== 'POST') return answer(405, { error: 'method not allowed' }, { Allow: 'POST' })
  const secret = env.RESEND_WEBHOOK_SECRET
  // Production without RESEND_WEBHOOK_SECRET: this endpoint is not enabled.
  if (!secret) return answer(404, { error: 'not found' })
  const raw = await readBodyWithLimit(request, MAX_RESEND_WEBHOOK_BYTES)
  if (!raw) return answer(413, { error: 'payload too large' }, CLOSE_CONNECTION)
  const headers = { id: request.headers.get('svix-id'), timestamp: request.headers.get('svix-timestamp'), signature: request.headers.get('svix-signature') }
  if (!headers.id || !headers.timestamp || !headers.signature) return answer(400, { error: 'missing svix-id, svix-timestamp or svix-signature header' })
  if (headers.id.length > 200) return answer(400, { error: 'invalid svix-id' })

  const webhookVerifier = await verifier()
  let payload: unknown
  try {
    payload = webhookVerifier.verify({
      payload: raw.toString('utf8'),
      headers: { id: headers.id, timestamp: headers.timestamp, signature: headers.signature },
      webhookSecret: secret,
    })
  } catch (error) {
    // The SDK checks the signature, then the timestamp's age, then parses the JSON.
    if (error instanceof SyntaxError) return answer(400, { error: 'malformed JSON' })
    const reason = error instanceof Error ? error.message : ''
    return answer(400, { error: /timestamp/i.test(reason) ? 'timestamp outside the tolerance' : 'invalid signature' })
  }
  const event = ResendEventSchema.safeParse(payload)
  if (!event.success) {
    // Signed by Resend, so a redelivery would be the same: acknowledged, and logged by id only.
    console.warn(`resend webhook: ignored delivery ${JSON.stringify(headers.id)}: not an event Courrier reads`)
    return answer(200, { received: true, ignored: true })
  }
  try {
    const { duplicate } = recordResendEvent(headers.id, event.data)
    return answer(200, { received: true, ...(duplicate ? { duplicate: true } : {}) })
  } catch (error) {
    console.error(`resend webhook: delivery ${JSON.stringify(headers.id)} not recorded: ${error instanceof Error ? error.message : String(error)}`)
    return answer(503, { error: 'temporarily unavailable' }, { 'Retry-After': '10' })
  }
}
