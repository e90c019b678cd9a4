import { and, count, desc, eq, lt, or, sql, type SQL } from 'drizzle-orm'
import type { SQLiteColumn } from 'drizzle-orm/sqlite-core'
import { z } from 'zod'
import { db } from '~/db/client.server'
import { mailboxMessages } from '~/db/schema'
import { LocaleSchema } from '~/i18n/locales'

export const MAILBOX_PAGE = 50
const MAILBOX_MAX = 200

/** Query-string filters for the mailbox; unknown or malformed values are ignored, not errors. */
export const MailboxQuerySchema = z.object({
  to: z.string().trim().max(254).optional().catch(undefined),
  subject: z.string().trim().max(200).optional().catch(undefined),
  template: z.string().trim().max(100).optional().catch(undefined),
  locale: LocaleSchema.optional().catch(undefined),
  eventId: z.string().trim().max(200).optional().catch(undefined),
  // Cursor: the createdAt (ms) and id of the last message of the previous page.
  before: z
    .string()
    .regex(/^\d{1,15}:[\w-]{1,64}$/)
    .optional()
    .catch(undefined),
  limit: z.coerce.number().int().min(1).max(MAILBOX_MAX).default(MAILBOX_PAGE).catch(MAILBOX_PAGE),
})
export type MailboxQuery = z.infer<typeof MailboxQuerySchema>

export function parseMailboxQuery(url: URL): MailboxQuery {
  const raw = Object.fromEntries([...url.searchParams].filter(([, v]) => v !== ''))
  return MailboxQuerySchema.parse(raw)
}

// `%` and `_` typed in a search are literal characters, not wildcards: escaped, with the standard ESCAPE
// clause (drizzle's like() has none, so the backslashes alone matched nothing).
const escapeLike = (value: string) => value.replace(/[\\%_]/g, (c) => `\\${c}`)
const contains = (column: SQLiteColumn, value: string) => sql`${column} LIKE ${`%${escapeLike(value)}%`} ESCAPE '\\'`

export type MailboxSummary = {
  id: string
  to: string
  from: string
  subject: string
  previewText: string | null
  template: string
  locale: string
  eventId: string | null
  createdAt: string
}

/** Messages newest first (every message is kept, several per recipient included), and the next page's cursor. */
export function listMailbox(query: MailboxQuery): { messages: MailboxSummary[]; next: string | null } {
  const where: SQL[] = []
  if (query.to) where.push(contains(mailboxMessages.to, query.to.toLowerCase()))
  if (query.subject) where.push(contains(mailboxMessages.subject, query.subject))
  if (query.template) where.push(eq(mailboxMessages.template, query.template))
  if (query.locale) where.push(eq(mailboxMessages.locale, query.locale))
  if (query.eventId) where.push(eq(mailboxMessages.eventId, query.eventId))
  if (query.before) {
    const [at, id] = query.before.split(':') as [string, string]
    const date = new Date(Number(at))
    where.push(or(lt(mailboxMessages.createdAt, date), and(eq(mailboxMessages.createdAt, date), lt(mailboxMessages.id, id)))!)
  }
  const rows = db
    .select({
      id: mailboxMessages.id,
      to: mailboxMessages.to,
      from: mailboxMessages.from,
      subject: mailboxMessages.subject,
      previewText: mailboxMessages.previewText,
      template: mailboxMessages.template,
      locale: mailboxMessages.locale,
      eventId: mailboxMessages.eventId,
      createdAt: mailboxMessages.createdAt,
    })
    .from(mailboxMessages)
    .where(where.length ? and(...where) : undefined)
    .orderBy(desc(mailboxMessages.createdAt), desc(mailboxMessages.id))
    .limit(query.limit + 1)
    .all()
  const page = rows.slice(0, query.limit)
  const last = page.at(-1)
  return {
    messages: page.map((row) => ({ ...row, createdAt: row.createdAt.toISOString() })),
    next: rows.length > query.limit && last ? `${last.createdAt.getTime()}:${last.id}` : null,
  }
}

export type MailboxMessage = MailboxSummary & { html: string; text: string; headers: Record<string, string> }

export function getMailboxMessage(id: string): MailboxMessage | null {
  const row = db.select().from(mailboxMessages).where(eq(mailboxMessages.id, id)).get()
  if (!row) return null
  return {
    id: row.id,
    to: row.to,
    from: row.from,
    subject: row.subject,
    previewText: row.previewText,
    template: row.template,
    locale: row.locale,
    eventId: row.eventId,
    createdAt: row.createdAt.toISOString(),
    html: row.html,
    text: row.text,
    headers: row.headers,
  }
}

/** The full messages (HTML, text, headers) of a list query, for /admin/mailbox.json. */
export function listMailboxFull(query: MailboxQuery): { messages: MailboxMessage[]; next: string | null } {
  const { messages, next } = listMailbox(query)
  return { messages: messages.map((m) => getMailboxMessage(m.id)).filter((m): m is MailboxMessage => m !== null), next }
}

/** The templates present in the mailbox, for the filter's choices. */
export function mailboxTemplates(): string[] {
  return db
    .selectDistinct({ template: mailboxMessages.template })
    .from(mailboxMessages)
    .orderBy(mailboxMessages.template)
    .all()
    .map((r) => r.template)
}

/**
 * The message's header block as a mail client shows it: the envelope (From, To, Subject, Date) then the
 * headers sendEmail added, in the order stored.
 */
export function messageHeaders(message: Pick<MailboxMessage, 'from' | 'to' | 'subject' | 'createdAt' | 'headers'>): Array<[name: string, value: string]> {
  return [['From', message.from], ['To', message.to], ['Subject', message.subject], ['Date', new Date(message.createdAt).toUTCString()], ...Object.entries(message.headers)]
}

/**
 * The local mailbox's messages (those the local transport kept), for "clear". Emails handed to Resend
 * are not in the count and stay: their rows are what Resend's webhooks and the engagement pages find.
 */
export function localMessageCount(): number {
  return db.select({ n: count() }).from(mailboxMessages).where(eq(mailboxMessages.transport, 'local')).get()?.n ?? 0
}

/** Empties the local mailbox (development only: the route refuses it in production). Returns how many went. */
export function clearLocalMailbox(): number {
  return db.delete(mailboxMessages).where(eq(mailboxMessages.transport, 'local')).run().changes
}
