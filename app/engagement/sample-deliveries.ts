import { randomUUID } from 'node:crypto'
import { Webhook } from 'standardwebhooks'

/**
 * Resend-shaped webhook deliveries, signed the way Resend's webhooks (Svix) sign them, for
 * `npm run resend:trigger`, the demo data, the benchmark, tests and end-to-end specs. Only the fields
 * Courrier reads plus enough of the rest to look like the real thing. Never used by the server.
 */
export const EMAIL_EVENT_TYPES = [
  'email.sent',
  'email.delivered',
  'email.delivery_delayed',
  'email.opened',
  'email.clicked',
  'email.bounced',
  'email.complained',
  'email.failed',
] as const
export type EmailEventType = (typeof EMAIL_EVENT_TYPES)[number]

export type SampleEmail = {
  /** Resend's id for the email (the mailbox row's provider id, or any id for an email the app never recorded). */
  emailId: string
  to: string
  subject?: string
  /** When the email was created at Resend (its send). */
  sentAt?: Date
  /** The tags the app put on the email: message (mailbox row), template, locale, event. */
  tags?: Record<string, string>
}

export type SampleOptions = {
  /** When the event happened (default: now). */
  at?: Date
  link?: string
  bounceType?: 'Permanent' | 'Transient' | 'Undetermined'
  bounceMessage?: string
}

export function sampleEmailEvent(type: EmailEventType, email: SampleEmail, options: SampleOptions = {}) {
  const at = options.at ?? new Date()
  const data: Record<string, unknown> = {
    created_at: (email.sentAt ?? at).toISOString(),
    email_id: email.emailId,
    from: 'Courrier <onboarding@resend.dev>',
    to: [email.to],
    subject: email.subject ?? 'Courrier',
    ...(email.tags ? { tags: email.tags } : {}),
  }
  if (type === 'email.clicked')
    data.click = { ipAddress: '198.51.100.7', link: options.link ?? 'https://courrier.test/dashboard', timestamp: at.toISOString(), userAgent: 'Mozilla/5.0' }
  if (type === 'email.bounced')
    data.bounce = {
      type: options.bounceType ?? 'Permanent',
      subType: options.bounceType === 'Transient' ? 'MailboxFull' : 'General',
      message: options.bounceMessage ?? "The recipient's email provider rejected the email: 550 5.1.1 user unknown.",
    }
  if (type === 'email.failed') data.failed = { reason: 'reached_daily_quota' }
  return { type, created_at: at.toISOString(), data }
}

/** The three headers Resend sends with a delivery, signed with the endpoint's secret (whsec_…). */
export function signResendDelivery(payload: string, secret: string, options: { id?: string; timestamp?: Date } = {}) {
  const id = options.id ?? `msg_${randomUUID().replaceAll('-', '')}`
  const timestamp = options.timestamp ?? new Date()
  const signature = new Webhook(secret).sign(id, timestamp, payload)
  return { 'svix-id': id, 'svix-timestamp': String(Math.floor(timestamp.getTime() / 1000)), 'svix-signature': signature }
}
