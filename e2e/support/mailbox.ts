// Reads the emails the e2e server sent, through the app's own mailbox: the studio's JSON view
// (/admin/mailbox.json), signed in once per worker as the seeded admin.
import { request, type APIRequestContext } from '@playwright/test'
import { e2eEnv } from '../../playwright.config'
import { mailboxFor as mailboxSeenBy, seededAdmin, type MailboxEmail } from './studio'

export type MailboxMessage = MailboxEmail

let admin: Promise<APIRequestContext> | undefined

function adminRequest(): Promise<APIRequestContext> {
  return (admin ??= (async () => {
    // Its own client address, so its one sign-in never counts against a test's rate limit.
    const context = await request.newContext({ baseURL: e2eEnv.baseURL, extraHTTPHeaders: { 'X-Forwarded-For': '192.0.2.250' } })
    const res = await context.post('/login', { form: seededAdmin, headers: { Origin: e2eEnv.baseURL }, maxRedirects: 0 })
    if (res.status() !== 302) throw new Error(`the mailbox reader could not sign in as the seeded admin: ${res.status()}`)
    return context
  })())
}

/** The emails sent to one address, oldest first. */
export async function mailboxFor(address: string): Promise<MailboxMessage[]> {
  return (await mailboxSeenBy(await adminRequest(), address)).reverse()
}
