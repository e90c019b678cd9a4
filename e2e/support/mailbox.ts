// Reads the local mailbox of the e2e server, read-only, straight from its SQLite file. One function, so it
// can be swapped for the studio's JSON mailbox view (/admin/mailbox) once that exists.
import Database from 'better-sqlite3'
import { e2eEnv } from '../../playwright.config'

export type MailboxMessage = {
  to: string
  from: string
  subject: string
  previewText: string | null
  html: string
  text: string
  template: string
  locale: string
  eventId: string | null
  idempotencyKey: string | null
}

export function mailboxFor(address: string): MailboxMessage[] {
  const db = new Database(e2eEnv.databaseFile, { readonly: true, fileMustExist: true })
  try {
    return db
      .prepare(
        `SELECT "to", "from", subject, preview_text AS previewText, html, text, template, locale, event_id AS eventId,
                idempotency_key AS idempotencyKey
         FROM mailbox_messages WHERE "to" = ? ORDER BY created_at, rowid`,
      )
      .all(address.toLowerCase()) as MailboxMessage[]
  } finally {
    db.close()
  }
}
