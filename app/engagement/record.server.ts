import { and, eq, isNull } from 'drizzle-orm'
import { z } from 'zod'
import { db } from '~/db/client.server'
import { emailEngagement, emailEvents, emailSuppressions, mailboxMessages, type EmailEventDetail } from '~/db/schema'
import type { TemplateId } from '~/email/registry.server'
import type { Locale } from '~/i18n/locales'
import { countOne, utcDay, type Metric, type Tx } from './stats.server'
import { readTags } from './tags.server'

/** The shape of every Resend webhook: a type, when it happened, and the object it is about. */
export const ResendEventSchema = z.object({
  type: z.string().min(1).max(100),
  created_at: z.iso.datetime({ offset: true }).or(z.iso.datetime({ local: true })),
  data: z.record(z.string(), z.unknown()),
})
export type ResendEvent = z.infer<typeof ResendEventSchema>

/** What Courrier reads of an `email.*` event's data (Resend sends more). */
const EmailDataSchema = z.object({
  email_id: z.string().min(1).max(200),
  created_at: z.iso.datetime({ offset: true }).or(z.iso.datetime({ local: true })),
  to: z.array(z.string().max(320)).max(50).default([]),
  tags: z.unknown().optional(),
  click: z
    .object({ link: z.string().max(4000) })
    .partial()
    .optional(),
  bounce: z
    .object({ type: z.string().max(100), subType: z.string().max(100), message: z.string().max(2000) })
    .partial()
    .optional(),
})

/** The events that count, and the column of email_engagement each one sets the first time it arrives. */
const ENGAGEMENTS = {
  'email.delivered': { metric: 'delivered', column: 'deliveredAt' },
  'email.opened': { metric: 'opened', column: 'openedAt' },
  'email.clicked': { metric: 'clicked', column: 'clickedAt' },
  'email.bounced': { metric: 'bounced', column: 'bouncedAt' },
  'email.complained': { metric: 'complained', column: 'complainedAt' },
} as const satisfies Record<string, { metric: Metric; column: keyof typeof emailEngagement.$inferSelect }>
type EngagementType = keyof typeof ENGAGEMENTS
const isEngagement = (type: string): type is EngagementType => type in ENGAGEMENTS

export type RecordOutcome = { duplicate: boolean; attributed: boolean }

/**
 * Takes one verified Resend delivery, exactly once (by its svix-id), in one transaction: the event for the
 * message's timeline, attributed to its mailbox row (the `message` tag, else Resend's email id), template
 * and language (the row's, else the tags'); the first delivery/open/click/bounce/complaint of an email
 * counted for the day it was sent; a permanent bounce or a complaint put on the suppression list. A
 * redelivery, or a second open of the same email, counts nothing more.
 */
export function recordResendEvent(deliveryId: string, event: ResendEvent, now = new Date()): RecordOutcome {
  const email = event.type.startsWith('email.') ? EmailDataSchema.safeParse(event.data) : null
  const occurredAt = new Date(event.created_at)
  return db.transaction(
    (tx) => {
      if (!email?.success) {
        // A type Courrier does not read (contact.*, domain.*…) or an email event it cannot: kept by id only.
        const inserted = tx
          .insert(emailEvents)
          .values({ id: deliveryId, type: event.type, occurredAt, receivedAt: now })
          .onConflictDoNothing()
          .returning({ id: emailEvents.id })
          .get()
        return { duplicate: !inserted, attributed: false }
      }
      const data = email.data
      const tags = readTags(data.tags)
      const row = findMessage(tx, tags.message, data.email_id)
      const template = row?.template ?? tags.template ?? null
      const locale = row?.locale ?? tags.locale ?? null
      const recipients = data.to.map(addressOf).filter((a): a is string => a !== null)
      const inserted = tx
        .insert(emailEvents)
        .values({
          id: deliveryId,
          type: event.type,
          emailId: data.email_id,
          messageId: row?.id ?? null,
          template,
          locale,
          recipient: recipients[0] ?? row?.to ?? null,
          occurredAt,
          detail: detailOf(data),
          receivedAt: now,
        })
        .onConflictDoNothing()
        .returning({ id: emailEvents.id })
        .get()
      if (!inserted) return { duplicate: true, attributed: Boolean(template && locale) }

      if (template && locale && isEngagement(event.type)) {
        const sentAt = row?.createdAt ?? new Date(data.created_at)
        countFirst(tx, { key: row?.id ?? `resend:${data.email_id}`, template, locale, day: utcDay(sentAt) }, event.type, occurredAt)
      }
      const suppression = suppressionFor(event.type, data.bounce?.type)
      if (suppression) {
        const addresses = recipients.length > 0 ? recipients : row ? [row.to.toLowerCase()] : []
        for (const address of addresses) suppress(tx, address, suppression, data.bounce?.message ?? null, now)
      }
      return { duplicate: false, attributed: Boolean(template && locale) }
    },
    // The write lock up front: concurrent deliveries queue on busy_timeout instead of failing.
    { behavior: 'immediate' },
  )
}

function findMessage(tx: Tx, messageTag: string | undefined, emailId: string) {
  const columns = { id: mailboxMessages.id, template: mailboxMessages.template, locale: mailboxMessages.locale, to: mailboxMessages.to, createdAt: mailboxMessages.createdAt }
  const byTag = messageTag ? tx.select(columns).from(mailboxMessages).where(eq(mailboxMessages.id, messageTag)).get() : undefined
  const row = byTag ?? tx.select(columns).from(mailboxMessages).where(eq(mailboxMessages.providerId, emailId)).get()
  return row ? { ...row, template: row.template as TemplateId, locale: row.locale as Locale } : null
}

/** Sets the engagement's first moment for this type; counts it for the email's day only when it is the first. */
function countFirst(tx: Tx, email: { key: string; template: string; locale: string; day: string }, type: EngagementType, at: Date) {
  const { metric, column } = ENGAGEMENTS[type]
  tx.insert(emailEngagement).values({ key: email.key, template: email.template, locale: email.locale, day: email.day }).onConflictDoNothing().run()
  const first = tx
    .update(emailEngagement)
    .set({ [column]: at })
    .where(and(eq(emailEngagement.key, email.key), isNull(emailEngagement[column])))
    .run().changes
  if (first > 0) {
    const stored = tx
      .select({ day: emailEngagement.day, template: emailEngagement.template, locale: emailEngagement.locale })
      .from(emailEngagement)
      .where(eq(emailEngagement.key, email.key))
      .get()!
    countOne(tx, stored, metric)
  }
}

/** A complaint, or a bounce Resend calls permanent: the address goes on the list. A transient bounce does not. */
function suppressionFor(type: string, bounceType: string | undefined): 'bounced' | 'complained' | null {
  if (type === 'email.complained') return 'complained'
  if (type === 'email.bounced' && (bounceType === undefined || bounceType.toLowerCase() === 'permanent')) return 'bounced'
  return null
}

/** One entry per address and reason, for every list (no user: the address is what bounced). */
function suppress(tx: Tx, email: string, reason: 'bounced' | 'complained', detail: string | null, now: Date) {
  const existing = tx
    .select({ id: emailSuppressions.id })
    .from(emailSuppressions)
    .where(and(eq(emailSuppressions.email, email), eq(emailSuppressions.reason, reason), isNull(emailSuppressions.topic)))
    .get()
  if (existing) return
  tx.insert(emailSuppressions)
    .values({ email, reason, topic: null, userId: null, detail: detail?.slice(0, 500) ?? null, createdAt: now })
    .run()
}

const AddressSchema = z.email()
/** `a@b.c` or `Name <a@b.c>`, lower-cased; null when it is neither. */
function addressOf(value: string): string | null {
  const address = (/<([^<>]+)>\s*$/.exec(value)?.[1] ?? value).trim().toLowerCase()
  return AddressSchema.safeParse(address).success ? address : null
}

/**
 * What the timeline shows of an event: the link clicked (without its query string, and with every long
 * opaque path segment replaced, so a confirmation or reset token in a link never lands in the database)
 * and a bounce's type and message.
 */
function detailOf(data: z.infer<typeof EmailDataSchema>): EmailEventDetail | null {
  const detail: EmailEventDetail = {}
  if (data.click?.link) detail.link = redactLink(data.click.link)
  if (data.bounce) {
    if (data.bounce.type) detail.bounceType = data.bounce.type
    if (data.bounce.subType) detail.bounceSubType = data.bounce.subType
    if (data.bounce.message) detail.bounceMessage = data.bounce.message.slice(0, 500)
  }
  return Object.keys(detail).length > 0 ? detail : null
}

export function redactLink(link: string): string {
  let url: URL
  try {
    url = new URL(link)
  } catch {
    return '(not a link)'
  }
  const path = url.pathname
    .split('/')
    .map((segment) => (/^[A-Za-z0-9_.~%-]{20,}$/.test(segment) ? ':token' : segment))
    .join('/')
  return `${url.origin}${path}`.slice(0, 500)
}
