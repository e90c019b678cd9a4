import Database from 'better-sqlite3'
import type { Browser, Page } from '@playwright/test'
import { e2eEnv } from '../playwright.config'
import { expect, test } from './support/fixtures'
import { mailboxFor } from './support/mailbox'
import { signUpThroughForm } from './support/accounts'
import { runFunction } from '../test/mocks/inngest-executor'
import { userEvent } from './support/events'

// Login page → /forgot-password → outbox → the event reaches the (loopback) event API → the executor
// double drives the reset function through the app's real /api/inngest → the link is read from the
// mailbox → a new password → the old session is dead → the security notice is in the mailbox.

const oldPassword = 'the first password 2026'
const newPassword = 'a brand new password 2026'
const LINK = /https?:\/\/\S+\/reset-password\/[A-Za-z0-9_-]+/

let clientCounter = 0
async function newPage(browser: Browser, baseURL: string | undefined, locale: string): Promise<Page> {
  const context = await browser.newContext({ baseURL, locale, extraHTTPHeaders: { 'X-Forwarded-For': `203.0.113.${(++clientCounter % 200) + 20}` } })
  return context.newPage()
}

const signUp = (page: Page, name: string, email: string, submit: string) => signUpThroughForm(page, { name, email, password: oldPassword, submit })

/** Asks for a reset on the page, runs the reset function and returns the link from the mailbox. */
async function requestLink(page: Page, baseURL: string, email: string, userId: string, submit: string) {
  await page.goto('/forgot-password')
  await page.locator('input[name="email"]').fill(email)
  await page.getByRole('button', { name: submit }).click()
  await expect(page.getByTestId('reset-requested')).toContainText(email)
  const event = await userEvent('user/password-reset.requested', userId)
  const run = await runFunction('courrier-send-password-reset', event, { endpoint: `${baseURL}/api/inngest`, loseFirstResponseOfEachStep: true })
  expect(run).toMatchObject({ status: 'completed', output: { sent: true } })
  const reset = (await mailboxFor(email)).filter((m) => m.template === 'password-reset')
  expect(reset).toHaveLength(1)
  const link = reset[0]!.text.match(LINK)?.[0]
  expect(link).toBeTruthy()
  // Ids only in the event: the link's token is in no payload.
  expect(Object.keys(event.data).sort()).toEqual(['tokenId', 'userId'])
  expect(JSON.stringify(event)).not.toContain(link!.split('/').at(-1)!)
  return { link: link!, event }
}

test.describe('password reset in English', () => {
  test.use({ locale: 'en-US' })

  test('login page → forgot password → email → new password: old session dead, notice received, link spent', async ({ page, browser, baseURL, uniqueEmail }) => {
    const email = uniqueEmail('reset-en')
    // The "old" session: this browser stays signed in with the old password.
    const userId = await signUp(page, 'Alex Morgan', email, 'Sign up')

    // Another browser, signed out, from the login page.
    const other = await newPage(browser, baseURL, 'en-US')
    await other.goto('/login')
    await other.getByRole('link', { name: 'Forgot your password?' }).click()
    await expect(other).toHaveURL(/\/forgot-password$/)
    await expect(other.getByRole('heading', { level: 1 })).toHaveText('Forgot your password?')
    const { link } = await requestLink(other, baseURL!, email, userId, 'Send the link')
    expect((await mailboxFor(email)).map((m) => [m.template, m.locale, m.subject])).toContainEqual(['password-reset', 'en', 'Reset your Courrier password'])

    await other.goto(link)
    await expect(other.getByRole('heading', { level: 1 })).toHaveText('Choose a new password')
    await other.locator('input[name="password"]').fill(newPassword)
    await other.getByRole('button', { name: 'Save my new password' }).click()
    await expect(other).toHaveURL(/\/dashboard$/)
    await expect(other.getByRole('heading', { level: 1 })).toHaveText('Dashboard')

    // The old session is dead: its next page asks to log in.
    await page.goto('/dashboard')
    await expect(page).toHaveURL(/\/login\?redirectTo=%2Fdashboard$/)
    // The old password no longer works; the new one does.
    await page.locator('input[name="email"]').fill(email)
    await page.locator('input[name="password"]').fill(oldPassword)
    await page.getByRole('button', { name: 'Log in' }).click()
    await expect(page.getByRole('alert')).toContainText('This email and password do not match an account.')
    await page.locator('input[name="password"]').fill(newPassword)
    await page.getByRole('button', { name: 'Log in' }).click()
    await expect(page).toHaveURL(/\/dashboard$/)

    // The security notice, in English, through the outbox and the function.
    const changed = await userEvent('user/password.changed', userId)
    expect(Object.keys(changed.data)).toEqual(['userId'])
    const run = await runFunction('courrier-send-password-changed', changed, { endpoint: `${baseURL}/api/inngest`, loseFirstResponseOfEachStep: true })
    expect(run).toMatchObject({ status: 'completed', output: { sent: true } })
    const messages = await mailboxFor(email)
    // (The welcome journey is not run here: only this spec's two functions send.)
    expect(messages.map((m) => [m.template, m.locale, m.subject])).toEqual([
      ['password-reset', 'en', 'Reset your Courrier password'],
      ['password-changed', 'en', 'Your Courrier password was changed'],
    ])
    expect(messages[1]!.text).toContain('If this wasn’t you')

    // The link is spent: refused with a way to ask for a new one.
    const reused = await other.goto(link)
    expect(reused!.status()).toBe(410)
    await expect(other.getByRole('heading', { level: 1 })).toHaveText('This link has already been used')
    await expect(other.getByRole('link', { name: 'Ask for a new link' })).toHaveAttribute('href', '/forgot-password')
    await other.context().close()
  })

  test('an address without an account gets the very same answer, and no email', async ({ page, uniqueEmail }) => {
    const email = uniqueEmail('nobody')
    await page.goto('/forgot-password')
    await page.locator('input[name="email"]').fill(email)
    const [response] = await Promise.all([page.waitForResponse((r) => r.url().includes('/forgot-password') && r.request().method() === 'POST'), page.getByRole('button', { name: 'Send the link' }).click()])
    expect(response.status()).toBe(200)
    await expect(page.getByTestId('reset-requested')).toContainText(`If an account exists for ${email}`)
    expect(await mailboxFor(email)).toEqual([])
  })

  test('a forged link is refused (404) with a way to ask for a new one', async ({ page }) => {
    const response = await page.goto(`/reset-password/${'A'.repeat(43)}`)
    expect(response!.status()).toBe(404)
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('This link does not work')
    await page.getByRole('link', { name: 'Ask for a new link' }).click()
    await expect(page).toHaveURL(/\/forgot-password$/)
  })

  test('an expired link is refused (410) and changes nothing', async ({ page, baseURL, uniqueEmail }) => {
    const email = uniqueEmail('reset-expired')
    const userId = await signUp(page, 'Sam Expired', email, 'Sign up')
    await page.context().clearCookies()
    const { link } = await requestLink(page, baseURL!, email, userId, 'Send the link')
    // The server's clock cannot be moved from here: the link's expiry is moved back in the test database.
    const db = new Database(e2eEnv.databaseFile)
    db.prepare('UPDATE user_tokens SET expires_at = ? WHERE user_id = ?').run(Date.now() - 60_000, userId)
    db.close()
    const response = await page.goto(link)
    expect(response!.status()).toBe(410)
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('This link has expired')
    // The old password still works.
    await page.goto('/login')
    await page.locator('input[name="email"]').fill(email)
    await page.locator('input[name="password"]').fill(oldPassword)
    await page.getByRole('button', { name: 'Log in' }).click()
    await expect(page).toHaveURL(/\/dashboard$/)
  })
})
