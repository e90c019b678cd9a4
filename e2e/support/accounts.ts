import { expect, type Page } from '@playwright/test'

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
  await expect(page).toHaveURL(/\/dashboard$/)
  return signedInUserId(page)
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
