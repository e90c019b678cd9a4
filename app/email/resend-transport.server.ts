import { NonRetriableError, RetryAfterError } from '~/inngest/errors.server'
import type { ErrorResponse, Resend } from 'resend'
import type { OutgoingEmail, SendResult } from './message.server'

/** Resend's client; its SDK loads on the first send, not at the server's start (docs/decisions/0008-performance.md). */
export async function createResendClient(apiKey: string, baseUrl?: string): Promise<Resend> {
  const { Resend } = await import('resend')
  return new Resend(apiKey, baseUrl ? { baseUrl } : undefined)
}

/**
 * Sends through Resend with the email's idempotency key, so a step retried after a timeout (the first
 * request may have gone through) never sends a second email: Resend answers the retry with the first
 * email's id. Errors are classified for Inngest (see `classifyResendError`); a request that takes longer
 * than `timeoutMs` is abandoned as a network error.
 */
export async function sendWithResend(
  client: Resend,
  message: OutgoingEmail,
  { timeoutMs = 15_000, tags = [] as Array<{ name: string; value: string }> } = {},
): Promise<SendResult> {
  const { data, error, headers } = await client.emails.send(
    {
      from: message.from,
      to: [message.to],
      subject: message.subject,
      html: message.html,
      text: message.text,
      headers: message.headers,
      // What a webhook about the email is attributed by (app/engagement/tags.server.ts).
      tags: tags.length > 0 ? tags : [
        { name: 'template', value: message.template },
        { name: 'locale', value: message.locale },
      ],
    },
    // A request Resend never answers must not hold the step until Inngest's own timeout: abandoned, it
    // surfaces as a network error and is retried with the same key, which Resend deduplicates.
    { idempotencyKey: message.idempotencyKey, signal: AbortSignal.timeout(timeoutMs) },
  )
  if (error) throw classifyResendError(error, headers)
  return { id: data.id, transport: 'resend' }
}

const SECOND = 1000

/**
 * Turns a Resend error into what Inngest should do about it:
 * - 429: retry after the delay Resend asks for (`retry-after`), with `RetryAfterError`;
 * - 409 `concurrent_idempotent_requests`: the first attempt is still in flight, retry shortly;
 * - 5xx and network errors (no status): a plain error, retried with Inngest's backoff;
 * - any other 4xx (an invalid address, a bad sender, a rejected key, the same idempotency key with
 *   different content): retrying cannot help, `NonRetriableError`, and the function's onFailure records it.
 */
export function classifyResendError(error: ErrorResponse, headers: Record<string, string> | null): Error {
  const status = error.statusCode
  const message = `Resend ${status ?? 'network error'} ${error.name}: ${error.message}`
  if (status === 429) {
    const fallback = error.name === 'rate_limit_exceeded' ? SECOND : 60 * 60 * SECOND
    return new RetryAfterError(message, retryAfterMs(headers?.['retry-after']) ?? fallback, { cause: error })
  }
  if (status === 409 && error.name === 'concurrent_idempotent_requests') {
    return new RetryAfterError(message, retryAfterMs(headers?.['retry-after']) ?? 2 * SECOND, { cause: error })
  }
  if (status === null || status >= 500) return new Error(message, { cause: error })
  return new NonRetriableError(message, { cause: error })
}

/** `Retry-After` is either seconds or an HTTP date. Kept between 1 second and 1 day. */
function retryAfterMs(value: string | undefined): number | undefined {
  if (!value) return undefined
  const seconds = Number(value)
  const ms = Number.isFinite(seconds) ? seconds * SECOND : Date.parse(value) - Date.now()
  if (!Number.isFinite(ms)) return undefined
  return Math.min(Math.max(Math.ceil(ms), SECOND), 24 * 60 * 60 * SECOND)
}
