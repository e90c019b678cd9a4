import Database from 'better-sqlite3'
import { createHmac } from 'node:crypto'
import { expect, type Page } from '@playwright/test'
import { e2eEnv } from '../../playwright.config'

/**
 * The signed-in user's id, read from the dashboard's loader data in the hydrated router (events carry
 * ids only, so a spec finds its user's events by id). `__reactRouterDataRouter` is the router that
 * React Router's HydratedRouter exposes on window.
 */
export async function signedInUserId(page: Page): Promise<string> {
  await page.waitForFunction(() => (window as { __reactRouterDataRouter?: unknown }).__reactRouterDataRouter)
  return page.evaluate(() => {
    const router = (window as unknown as { __reactRouterDataRouter: { state: { loaderData: Record<string, { user?: { id: string } }> } } }).__reactRouterDataRouter
    const id = router.state.loaderData['routes/dashboard']?.user?.id
    if (!id) throw new Error('not on the dashboard, or not signed in')
    return id
  })
}

/** Signs up through /signup as a visitor would, lands on the dashboard, and returns the new user's id. */
export async function signUpThroughForm(page: Page, account: { name: string; email: string; password: string; submit: string }): Promise<string> {
  await page.goto('/signup')
  await page.locator('input[name="name"]').fill(account.name)
  await page.locator('input[name="email"]').fill(account.email)
  await page.locator('input[name="password"]').fill(account.password)
  await page.getByRole('button', { name: account.submit }).click()
  // A signup hashes its password (scrypt, 8 MiB): on a loaded machine that alone can outlast the default 5 s.
  await expect(page).toHaveURL(/\/dashboard$/, { timeout: 15_000 })
  return signedInUserId(page)
}

/**
 * The path of the user's newest pending one-time link for `purpose`, derived the way the app derives it
 * (app/auth/user-tokens.server.ts), for specs about something else (billing, invitations, accessibility,
 * screenshots) that need the page behind a link without reading an email (their mailbox stays their own;
 * e2e/activation.spec.ts and e2e/password-reset.spec.ts walk the real email paths).
 */
export function userTokenPathFor(userId: string, purpose: 'email-verification' | 'password-reset'): string {
  const db = new Database(e2eEnv.databaseFile, { readonly: true })
  const row = db.prepare('SELECT id FROM user_tokens WHERE user_id = ? AND purpose = ? AND used_at IS NULL ORDER BY created_at DESC').get(userId, purpose) as { id: string } | undefined
  db.close()
  if (!row) throw new Error(`no pending ${purpose} link for user ${userId}`)
  const token = createHmac('sha256', e2eEnv.sessionSecret).update(`user-token:${purpose}:${row.id}`).digest('base64url')
  return `/${purpose === 'email-verification' ? 'verify-email' : 'reset-password'}/${token}`
}

export const confirmationPathFor = (userId: string) => userTokenPathFor(userId, 'email-verification')

/** An unsubscribe link's path for the user and list, signed as app/preferences/unsubscribe-token.server.ts signs it. */
export function unsubscribePathFor(userId: string, topic = 'onboarding', version = 0): string {
  const payload = Buffer.from(`${userId}:${topic}:${version}`).toString('base64url')
  return `/unsubscribe/${payload}.${createHmac('sha256', e2eEnv.sessionSecret).update(`unsubscribe:${payload}`).digest('base64url')}`
}

/** Confirms the signed-in user's address through the real /verify-email page and its button. */
export async function confirmAddress(page: Page, userId: string): Promise<void> {
  await page.goto(confirmationPathFor(userId))
  await page.locator('main form[method="post"] button[type="submit"]').click()
  await expect(page).toHaveURL(/\/dashboard\?confirmed=1$/)
}

/**
 * Marks an address confirmed straight in the e2e server's database, as following the confirmation link
 * will (the lead's /verify-email route, issue 11): lifecycle email only reaches confirmed addresses.
 */
export async function confirmEmailInDatabase(email: string): Promise<void> {
  const { default: Database } = await import('better-sqlite3')
  const { e2eEnv } = await import('../../playwright.config')
  const db = new Database(e2eEnv.databaseFile)
  try {
    db.pragma('busy_timeout = 5000')
    const changed = db.prepare('UPDATE users SET email_verified_at = ? WHERE email = ?').run(Date.now(), email.toLowerCase()).changes
    if (changed !== 1) throw new Error(`no user ${email} to confirm`)
  } finally {
    db.close()
  }
}
