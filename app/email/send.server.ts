import { NonRetriableError } from '~/inngest/errors.server'
import { z } from 'zod'
import { db } from '~/db/client.server'
import { env } from '~/env.server'
import type { Locale } from '~/i18n/locales'
import { resendTags } from '~/engagement/tags.server'
import { consentVersion, isHardBounced, lifecycleSkipReason, type LifecycleSkip } from '~/preferences/suppressions.server'
import { listUnsubscribe } from './envelope.server'
import { recordHandedToResend, recordOutgoing, recordSkip, storeInMailbox } from './local-mailbox.server'
import { emailIdempotencyKey, type OutgoingEmail, type SendResult } from './message.server'
import { templates, type TemplateCategory, type TemplateContext, type TemplateData, type TemplateId, type TemplateInput } from './registry.server'
import { renderEmail } from './render.server'
import { createResendClient, sendWithResend } from './resend-transport.server'

export type { SendResult } from './message.server'

/** A lifecycle email that did not go out, and why (the step records it as its result). */
export type SkippedSend = { skipped: SkipReason }
/**
 * What sending a template can come to: sent, or skipped with the reason (a lifecycle email to an address
 * that cannot have it; any email to an address that bounced for good).
 */
export type SendOutcome = SendResult | SkippedSend
export type SkipReason = LifecycleSkip | 'hard-bounced'

/** A send's outcome as a step's result: what the run page and the tests read. */
export function stepResult(outcome: SendOutcome) {
  return 'skipped' in outcome ? { sent: false as const, reason: outcome.skipped } : { sent: true as const, messageId: outcome.id, transport: outcome.transport }
}

export type SendEmailInput<T extends TemplateId> = {
  template: T
  to: string
  locale: Locale
  /** The event's data, as the catalogue declares it for this template's event. */
  data: TemplateData<T>
  /** The Inngest event id (or the run id when the event has none): with the template, the idempotency key. */
  eventId: string
} & (TemplateCategory<T> extends 'lifecycle'
  ? {
      /** The user the lifecycle email is for: their consent and confirmed address are checked, their unsubscribe link derived. */
      userId: string
      /** A studio test send to the marketer: headers and footer as sent, without the recipient checks. */
      test?: boolean
    }
  : { userId?: undefined; test?: undefined }) &
  (TemplateContext<T> extends undefined
  ? { context?: undefined }
  : { /** What the step read fresh for the email (the event's `context` in the catalogue). */ context: TemplateContext<T> })


const AddressSchema = z.email()

let resendClient: ReturnType<typeof createResendClient> | undefined

/**
 * The one way Courrier sends an email: renders the template in the recipient's language, then sends it
 * through Resend when RESEND_API_KEY is set, otherwise stores it in the local mailbox. Calling it twice
 * for the same event and template sends (or stores) one email. A lifecycle email (the registry says
 * which) goes only to a confirmed, consenting address, else it is skipped with the reason (`{ skipped }`),
 * and carries List-Unsubscribe and List-Unsubscribe-Post; a transactional one carries neither, and is
 * skipped only for an address that bounced for good. A skip is recorded (email_skips) and counted. Through
 * Resend, the mailbox row is written first and the email tagged with it, so its webhooks are attributed.
 * Errors that retrying cannot fix (a bad address, data that does not match the event, a missing context)
 * throw `NonRetriableError`.
 */
export async function sendEmail<T extends TemplateId>(input: SendEmailInput<T>): Promise<SendOutcome> {
  const { template, locale, data, eventId, context } = input
  const to = input.to.trim()
  if (!AddressSchema.safeParse(to).success) throw new NonRetriableError(`Cannot send "${template}": invalid recipient address`)
  if (!eventId) throw new NonRetriableError(`Cannot send "${template}": no event id to derive its idempotency key from`)

  // Lifecycle email: only to a confirmed address that is on no suppression entry for its list, with
  // the one-click unsubscribe headers and the footer link bound to the user and the list.
  const kind = templates[template].kind
  let unsubscribe: ReturnType<typeof listUnsubscribe> | null = null
  if (kind.category === 'lifecycle') {
    const userId = input.userId
    if (!userId) throw new NonRetriableError(`Cannot send "${template}": a lifecycle email needs the user it is for`)
    if (!input.test) {
      const skip = lifecycleSkipReason(db, { userId, to, topic: kind.topic })
      if (skip) return skipped({ template, locale, to, eventId }, skip)
    }
    unsubscribe = listUnsubscribe({ userId, topic: kind.topic, version: consentVersion(db, userId, kind.topic) })
  } else if (isHardBounced(db, to)) {
    // A transactional email still goes to an address that complained (a password reset is owed), but not to
    // one that bounced for good: it cannot arrive, and every new bounce costs the sender's reputation.
    return skipped({ template, locale, to, eventId }, 'hard-bounced')
  }

  let rendered
  try {
    rendered = await renderEmail(template, { data, context } as TemplateInput<T>, locale, { appUrl: env.APP_URL, unsubscribeUrl: unsubscribe?.url })
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
    headers: { 'X-Entity-Ref-ID': idempotencyKey, ...unsubscribe?.headers },
    template,
    locale,
    eventId,
    idempotencyKey,
  }
  if (!env.RESEND_API_KEY) return storeInMailbox(message)
  // The row first: a webhook about the email may arrive before Resend's answer does.
  const stored = recordOutgoing(message, 'resend')
  // Handed over by an earlier attempt of the step (Resend's own idempotency lasts a day; this, for good).
  if (stored.providerId) return { id: stored.providerId, transport: 'resend' }
  resendClient ??= createResendClient(env.RESEND_API_KEY, env.RESEND_BASE_URL)
  const tags = resendTags({ message: stored.id, template, locale, event: eventId })
  const sent = await sendWithResend(await resendClient, message, { timeoutMs: env.RESEND_TIMEOUT_MS, tags })
  recordHandedToResend(stored, sent.id, message)
  return sent
}

function skipped(email: { template: TemplateId; locale: Locale; to: string; eventId: string }, reason: SkipReason): SkippedSend {
  recordSkip({ ...email, idempotencyKey: emailIdempotencyKey(email.template, email.eventId) }, reason)
  return { skipped: reason }
}
