import { isTemplateId, type TemplateId } from '~/email/registry.server'
import { isLocale, type Locale } from '~/i18n/locales'

/**
 * The tags every email sent through Resend carries, and that Resend hands back in each webhook about it:
 * the mailbox row (written before the email is handed over, so a webhook always finds it), the template,
 * the language and the event that caused it. Enough to attribute an event that arrives before the send
 * has recorded Resend's id, or whose row is gone.
 */
export type EmailTags = { message: string; template: TemplateId; locale: Locale; event: string }

// Resend accepts ASCII letters, digits, "_" and "-" in tag values, up to 256 characters.
const TAG_VALUE = /^[A-Za-z0-9_-]{1,256}$/
const tagValue = (value: string) => value.replace(/[^A-Za-z0-9_-]/g, '_').slice(0, 256) || '_'

export function resendTags(tags: EmailTags): Array<{ name: string; value: string }> {
  return Object.entries(tags).map(([name, value]) => ({ name, value: tagValue(value) }))
}

/** What a webhook's tags say about its email; a tag that is missing or not one of ours is left out. */
export function readTags(tags: unknown): Partial<EmailTags> {
  if (typeof tags !== 'object' || tags === null) return {}
  const raw = tags as Record<string, unknown>
  const text = (name: string) => (typeof raw[name] === 'string' && TAG_VALUE.test(raw[name]) ? raw[name] : undefined)
  const template = text('template')
  const locale = text('locale')
  return {
    ...(text('message') ? { message: text('message') } : {}),
    ...(isTemplateId(template) ? { template } : {}),
    ...(isLocale(locale) ? { locale } : {}),
    ...(text('event') ? { event: text('event') } : {}),
  }
}
