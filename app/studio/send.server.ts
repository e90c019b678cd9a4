import { db } from '~/db/client.server'
import { templates, type TemplateData, type TemplateId } from '~/email/registry.server'
import { sendEmail } from '~/email/send.server'
import type { Locale } from '~/i18n/locales'
import { enqueueEvent, kickRelay } from '~/outbox/index.server'
import { testEmailEventId } from './templates.server'

/**
 * Sends one rendering to an address through the configured transport (Resend, or the local mailbox),
 * exactly as a function would. The event id is made up and unique: every test send is its own message.
 */
export async function sendTestEmail(input: { template: TemplateId; to: string; locale: Locale; data: unknown }) {
  return sendEmail({
    template: input.template,
    to: input.to,
    locale: input.locale,
    data: input.data as TemplateData<TemplateId>,
    eventId: testEmailEventId(),
    // Templates that load more data at send time get the same preview context the studio renders with.
    context: 'context' in templates[input.template] ? (templates[input.template] as { context?: { preview: unknown } }).context?.preview : undefined,
  } as Parameters<typeof sendEmail>[0])
}

/**
 * Emits the template's event with this data through the outbox, so the real function runs (and sends
 * whatever it sends, to the addresses in the data). Returns the event id, which the mailbox links to.
 */
export function emitSampleEvent(template: TemplateId, data: Record<string, unknown>): string {
  const id = db.transaction((tx) => enqueueEvent(tx, { name: templates[template].event, data }))
  kickRelay()
  return id
}
