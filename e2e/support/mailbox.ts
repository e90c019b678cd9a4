// Reads the emails the e2e server sent, through the app's own mailbox: the studio's JSON view
// (/admin/mailbox.json), signed in once per worker as the seeded admin.
import { mailboxFor as mailboxSeenBy, seededAdminRequest, type MailboxEmail } from './studio'

export type MailboxMessage = MailboxEmail

/** The emails sent to one address, oldest first. */
export async function mailboxFor(address: string): Promise<MailboxMessage[]> {
  return (await mailboxSeenBy(await seededAdminRequest(), address)).reverse()
}
