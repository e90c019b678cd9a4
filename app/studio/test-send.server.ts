import { db } from '~/db/client.server'
import { templates, type TemplateId, type TemplateInput } from '~/email/registry.server'
import { sendEmail } from '~/email/send.server'
import { eventCatalogue } from '~/events'
import type { Locale } from '~/i18n/locales'
import { enqueueEvent, kickRelay } from '~/outbox/index.server'
import { testEmailEventId } from './templates.server'

/**
 * Sends one rendering to an address through the configured transport (Resend, or the local mailbox),
 * exactly as a function would. The event id is made up and unique: every test send is its own message.
 */
export async function sendTestEmail(input: { template: TemplateId; to: string; locale: Locale; input: TemplateInput<TemplateId> }) {
  const lifecycle = templates[input.template].kind.category === 'lifecycle'
  const result = await sendEmail({
    template: input.template,
    to: input.to,
    locale: input.locale,
    data: input.input.data,
    context: input.input.context,
    eventId: testEmailEventId(),
    // A lifecycle email as sent to the sample's user (its unsubscribe link and headers), to the marketer's address.
    ...(lifecycle ? { userId: (input.input.data as { userId: string }).userId, test: true } : {}),
  } as Parameters<typeof sendEmail>[0])
  // A test send is never skipped (no recipient checks); the type cannot know.
  return result as Exclude<typeof result, { skipped: unknown }>
}

/**
 * Emits the template's event with this data through the outbox, built by its catalogue entry, so the
 * real function runs (and reads, then emails, whoever the ids in the data name). Returns the event id,
 * which the mailbox links to.
 */
export function emitSampleEvent(template: TemplateId, data: TemplateInput<TemplateId>['data']): string {
  const type = eventCatalogue[templates[template].event].type as { create: (data: unknown) => Parameters<typeof enqueueEvent>[1] }
  const id = db.transaction((tx) => enqueueEvent(tx, type.create(data)))
  kickRelay()
  return id
}
