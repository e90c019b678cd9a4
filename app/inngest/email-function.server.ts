import { sendEmail, stepResult } from '~/email/send.server'
import type { TemplateContext, TemplateId, TransactionalTemplateId } from '~/email/registry.server'
import { eventCatalogue, type EventData, type EventName } from '~/events'
import type { Locale } from '~/i18n/locales'
import { inngest, trigger } from './client.server'
import { recordFailureOf } from './failures.server'

/** What a one-email function's step found: whom to send to and what the template shows, or why not to send. */
export type Recipient<T extends TemplateId> = { to: string; locale: Locale; context: TemplateContext<T> } | { skip: string }

/**
 * A function that sends one email for one event, in one step: `read` looks up (or asks Stripe), when the step runs, whom
 * to send it to and what the template shows (the event carries ids only), or says why nothing goes
 * out. Retried until the email is out (idempotency key: event id + template); a failure for good is
 * recorded for admins. Transactional templates only: a lifecycle email needs its user's consent checked. Its result: `{ sent, messageId, transport }` or `{ sent: false, reason }`.
 */
export function emailFunction<const E extends EventName, const T extends TransactionalTemplateId>(
  options: { id: string; name: string; event: E; template: T },
  read: (event: {
    data: EventData<E>;
    ts?: number;
  }) => Recipient<T> | Promise<Recipient<T>>,
) {
  return inngest.createFunction(
    { id: options.id, name: options.name, retries: 5, triggers: [trigger(eventCatalogue[options.event].type as never)], onFailure: recordFailureOf(options.id) },
    async ({ event: received, step, runId }) =>
      step.run(`send-${options.template}-email`, async () => {
        // The trigger is the catalogue's event type for E, so the SDK has validated the data against its schema.
        const event = received as unknown as { id?: string; data: EventData<E>; ts?: number }
        const recipient = await read(event)
        if ('skip' in recipient) return { sent: false as const, reason: recipient.skip }
        const input = { template: options.template, ...recipient, data: event.data, eventId: event.id ?? runId }
        return stepResult(await sendEmail(input as unknown as Parameters<typeof sendEmail<T>>[0]))
      }),
  )
}
