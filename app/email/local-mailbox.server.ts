import { eq } from 'drizzle-orm'
import { db } from '~/db/client.server'
import { mailboxMessages } from '~/db/schema'
import type { OutgoingEmail, SendResult } from './message.server'

/**
 * The local transport, used when RESEND_API_KEY is not set: the message is stored, not sent. The
 * unique idempotency key makes a second store of the same email a no-op that returns the first row.
 */
export function storeInMailbox(message: OutgoingEmail): SendResult {
  const { idempotencyKey, previewText, ...fields } = message
  db.insert(mailboxMessages)
    .values({ ...fields, previewText, idempotencyKey })
    .onConflictDoNothing({ target: mailboxMessages.idempotencyKey })
    .run()
  const row = db
    .select({ id: mailboxMessages.id })
    .from(mailboxMessages)
    .where(eq(mailboxMessages.idempotencyKey, idempotencyKey))
    .get()
  if (!row) throw new Error('The mailbox message was neither stored nor found')
  return { id: row.id, transport: 'local' }
}
