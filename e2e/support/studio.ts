import type { APIRequestContext, Page } from '@playwright/test'
import type { MailboxMessage } from '~/studio/mailbox-view.server'
import { expect } from './fixtures'

/** The admin that the e2e server's start command seeds from ADMIN_EMAIL / ADMIN_PASSWORD (playwright.config.ts). */
export const seededAdmin = { email: 'admin@courrier.test', password: 'e2e admin password 2026' }

/** Signs in through the login form, as a person would; the page's cookies then sign in page.request too. */
export async function signIn(page: Page, { email, password }: { email: string; password: string }, redirectTo = '/admin/emails') {
  await page.goto(`/login?redirectTo=${encodeURIComponent(redirectTo)}`)
  await page.locator('input[name="email"]').fill(email)
  await page.locator('input[name="password"]').fill(password)
  await page.locator('form button[type="submit"]').last().click()
  // The studio's grid renders every template in three languages before the client-side navigation ends:
  // on a loaded 2-core machine that is seconds, so the wait is longer than Playwright's default 5 s.
  await expect(page).toHaveURL(new RegExp(`${redirectTo.replace(/[/?]/g, '\\$&')}$`), { timeout: 20_000 })
}

/** Creates a plain user through the signup form and leaves the page signed in as them. */
export async function signUpPlainUser(page: Page, email: string, password = 'a long enough password') {
  await page.goto('/signup')
  await page.locator('input[name="name"]').fill('Plain User')
  await page.locator('input[name="email"]').fill(email)
  await page.locator('input[name="password"]').fill(password)
  await page.locator('form button[type="submit"]').last().click()
  await expect(page).toHaveURL(/\/dashboard$/)
  return { email, password }
}

/** A message as /admin/mailbox.json returns it: the studio's own type. */
export type MailboxEmail = MailboxMessage

/**
 * The emails the app sent to an address, newest first, from /admin/mailbox.json: `request` must be
 * signed in as a studio user (e.g. `page.request` after signIn(page, seededAdmin)).
 */
export async function mailboxFor(request: APIRequestContext, to: string, filters: Record<string, string> = {}): Promise<MailboxEmail[]> {
  const response = await request.get(`/admin/mailbox.json?${new URLSearchParams({ to, ...filters })}`, { maxRedirects: 0 })
  expect(response.status(), 'the mailbox JSON needs a signed-in studio user').toBe(200)
  const { messages } = (await response.json()) as { messages: MailboxEmail[] }
  // The filter matches a part of the address; keep exactly this recipient.
  return messages.filter((m) => m.to === to.toLowerCase())
}
