import { NonRetriableError } from 'inngest'
import { z } from 'zod'
import { env } from '~/env.server'
import type { Locale } from '~/i18n/locales'
import { storeInMailbox } from './mailbox.server'
import { emailIdempotencyKey, type OutgoingEmail, type SendResult } from './message.server'
import type { TemplateContext, TemplateData, TemplateId, TemplateInput } from './registry.server'
import { renderEmail } from './render.server'
import { createResendClient, sendWithResend } from './resend-transport.server'

export type { SendResult } from './message.server'

export type SendEmailInput<T extends TemplateId> = {
  template: T
  to: string
  locale: Locale
  /** The event's data, as the catalogue declares it for this template's event. */
  data: TemplateData<T>
  /** The Inngest event id (or the run id when the event has none): with the template, the idempotency key. */
  eventId: string
} & (TemplateContext<T> extends undefined
  ? { context?: undefined }
  : { /** What the step read fresh for the email (the event's `context` in the catalogue). */ context: TemplateContext<T> })


const AddressSchema = z.email()

let resendClient: ReturnType<typeof createResendClient> | undefined

/**
 * The one way Courrier sends an email: renders the template in the recipient's language, then sends it
 * through Resend when RESEND_API_KEY is set, otherwise stores it in the local mailbox. Calling it twice
 * for the same event and template sends (or stores) one email. Errors that retrying cannot fix (a bad
 * address, data that does not match the event, a missing context) throw `NonRetriableError`.
 */
export async function sendEmail<T extends TemplateId>(input: SendEmailInput<T>): Promise<SendResult> {
  const { template, locale, data, eventId, context } = input
  const to = input.to.trim()
  if (!AddressSchema.safeParse(to).success) throw new NonRetriableError(`Cannot send "${template}": invalid recipient address`)
  if (!eventId) throw new NonRetriableError(`Cannot send "${template}": no event id to derive its idempotency key from`)

  let rendered
  try {
    rendered = await renderEmail(template, { data, context } as TemplateInput<T>, locale, { appUrl: env.APP_URL })
  } catch (error) {
    if (error instanceof z.ZodError) throw new NonRetriableError(`Cannot send "${template}": data or context does not match its event`, { cause: error })
    throw error
  }
  const idempotencyKey = emailIdempotencyKey(template, eventId)
  const message: OutgoingEmail = {
    from: env.EMAIL_FROM,
    to,
    ...rendered,
    // A distinct reference per email keeps Gmail from threading unrelated messages that share a subject.
    headers: { 'X-Entity-Ref-ID': idempotencyKey },
    template,
    locale,
    eventId,
    idempotencyKey,
  }
  if (!env.RESEND_API_KEY) return storeInMailbox(message)
  resendClient ??= createResendClient(env.RESEND_API_KEY, env.RESEND_BASE_URL)
  return sendWithResend(resendClient, message, { timeoutMs: env.RESEND_TIMEOUT_MS })
}
