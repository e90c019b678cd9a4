import type { Locale } from '~/i18n/locales'
import type { TemplateId } from './registry.server'

/** A rendered email, ready for a transport. */
export type OutgoingEmail = {
  from: string
  to: string
  subject: string
  previewText: string
  html: string
  text: string
  headers: Record<string, string>
  template: TemplateId
  locale: Locale
  eventId: string
  /** Derived from the event id and the template: the same step run twice sends one email. */
  idempotencyKey: string
}

export type SendResult = { id: string; transport: 'resend' | 'local' }

/** `template/eventId`: stable across retries of a step, distinct for each email an event causes. */
export function emailIdempotencyKey(template: TemplateId, eventId: string): string {
  // Resend accepts keys of up to 256 characters.
  return `${template}/${eventId}`.slice(0, 256)
}
