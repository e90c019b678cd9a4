import { request, type APIRequestContext, type Page } from '@playwright/test'
import type { MailboxMessage } from '~/studio/mailbox-view.server'
import { e2eEnv } from '../../playwright.config'
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

let adminSession: Promise<APIRequestContext> | undefined

/**
 * The seeded admin, signed in once per worker through the login form's action (a POST to /login, as
 * the form sends it): the mailbox reader (./mailbox.ts) and signInAsSeededAdmin share its session.
 */
export function seededAdminRequest(): Promise<APIRequestContext> {
  return (adminSession ??= (async () => {
    // Its own client address, so its one sign-in never counts against a test's rate limit.
    const context = await request.newContext({ baseURL: e2eEnv.baseURL, extraHTTPHeaders: { 'X-Forwarded-For': '192.0.2.250' } })
    const res = await context.post('/login', { form: seededAdmin, headers: { Origin: e2eEnv.baseURL }, maxRedirects: 0 })
    if (res.status() !== 302) throw new Error(`could not sign in as the seeded admin: ${res.status()}`)
    return context
  })())
}

/**
 * Opens `path` signed in as the seeded admin, with the worker's session (seededAdminRequest) rather than
 * the login form: the studio's specs are about the studio. The form itself is tested where it is the
 * subject (accessibility, keyboard, password reset, signup) and by the studio spec's first sign-in.
 */
export async function signInAsSeededAdmin(page: Page, path = '/admin/emails') {
  // The cookies the login form's answer sets: the session and the language saved on the admin's profile.
  const { cookies } = await (await seededAdminRequest()).storageState()
  await page.context().addCookies(cookies)
  await page.goto(path)
  await expect(page).toHaveURL(new RegExp(`${path.replace(/[/?]/g, '\\$&')}$`))
  // After the form, the page was reached by a client-side navigation and was live; after goto, wait for
  // React to hydrate it, or a field filled now is reset by hydration.
  await page.waitForFunction(() => {
    const main = document.querySelector('main')
    return main !== null && Object.keys(main).some((key) => key.startsWith('__reactProps$'))
  })
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
  // The worker's shared context reuses an idle connection, which the server may be closing just then
  // (ECONNRESET); this GET is idempotent, so it is sent again once, as a browser would.
  const response = await request.get(`/admin/mailbox.json?${new URLSearchParams({ to, ...filters })}`, { maxRedirects: 0, maxRetries: 1 })
  expect(response.status(), 'the mailbox JSON needs a signed-in studio user').toBe(200)
  const { messages } = (await response.json()) as { messages: MailboxEmail[] }
  // The filter matches a part of the address; keep exactly this recipient.
  return messages.filter((m) => m.to === to.toLowerCase())
}
