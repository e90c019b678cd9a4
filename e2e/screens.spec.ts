import type { Page } from '@playwright/test'
import { LOCALE_NAMES, LOCALES, type Locale } from '../app/i18n/locales'
import { confirmationPathFor, signedInUserId, unsubscribePathFor, userTokenPathFor } from './support/accounts'
import { axeViolations, describeViolations, type Violation } from './support/axe'
import { expect, test } from './support/fixtures'

// Every visitor page in each language at 1280 and 375 CSS pixels, into test-results/screens/ for a person
// to look at (the "looks like a product you would pay for" is judged on these), and the one pass
// over them that the suite makes: each page is loaded once and, as it stands, checked by axe (no serious
// or critical violation), then shot at both widths (the layout is CSS only). What can fail without a
// person looking: axe, nothing scrolls sideways at 375 px, nothing shifts after the first paint, a skip
// link to <main>, and the language menu switches languages and keeps the page, with and without
// JavaScript. The states only a refused form reaches are in e2e/accessibility.spec.ts.

const ACCEPT_LANGUAGE: Record<Locale, string> = { fr: 'fr-FR', en: 'en-US', es: 'es-ES' }
const DIR = 'test-results/screens'

/** Cumulative layout shift since the page loaded (buffered entries): 0 when nothing moved. */
function layoutShift(page: Page) {
  return page.evaluate(
    () =>
      new Promise<number>((resolve) => {
        let total = 0
        new PerformanceObserver((list) => {
          for (const entry of list.getEntries() as unknown as Array<{ value: number; hadRecentInput: boolean }>) if (!entry.hadRecentInput) total += entry.value
        }).observe({ type: 'layout-shift', buffered: true })
        setTimeout(() => resolve(total), 50)
      }),
  )
}

/** The page as loaded at 1280 px (nothing moved since its first paint, axe finds nothing), then at 375 px. */
async function shoot(page: Page, locale: Locale, name: string, found: Violation[], { afterInput = false } = {}) {
  // After a submission the answer is meant to change the page: only a fresh load is measured.
  if (!afterInput) expect(await layoutShift(page), `${name}: layout shift`).toBeLessThan(0.01)
  // Every page starts with a way past the header, to a target that exists.
  await expect(page.locator('body > a.skip-link[href="#main"]')).toHaveCount(1)
  await expect(page.locator('main#main')).toHaveCount(1)
  found.push(...(await axeViolations(page, `${locale} ${name}`)))
  await page.screenshot({ path: `${DIR}/${name}-${locale}-1280.png`, fullPage: true })
  await page.setViewportSize({ width: 375, height: 800 })
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth)
  expect(overflow, `${name}: scrolls sideways at 375 px`).toBeLessThanOrEqual(0)
  await page.screenshot({ path: `${DIR}/${name}-${locale}-375.png`, fullPage: true })
}

async function visit(page: Page, locale: Locale, name: string, path: string, found: Violation[]) {
  await page.setViewportSize({ width: 1280, height: 800 })
  await page.goto(path)
  await expect(page.locator('html')).toHaveAttribute('lang', locale)
  await shoot(page, locale, name, found)
}

for (const locale of LOCALES) {
  test.describe(`screens in ${locale}`, () => {
    test.use({ locale: ACCEPT_LANGUAGE[locale] })

    test('every page signed out, and the signup form refused, at 1280 and 375 px', async ({ page }) => {
      test.setTimeout(120_000)
      const found: Violation[] = []
      await visit(page, locale, 'home', '/', found)
      await visit(page, locale, 'pricing', '/pricing', found)
      await visit(page, locale, 'login', '/login', found)
      await visit(page, locale, 'forgot-password', '/forgot-password', found)
      await visit(page, locale, 'reset-password-invalid', '/reset-password/not-a-token', found)
      await visit(page, locale, 'verify-email-invalid', '/verify-email/not-a-token', found)
      await visit(page, locale, 'unsubscribe-invalid', '/unsubscribe/not-a-token', found)
      await visit(page, locale, 'invitation-invalid', '/invitations/nobody/not-a-token', found)
      await visit(page, locale, 'account-deleted', '/account-deleted', found)
      await visit(page, locale, '404', '/no-such-page', found)
      await visit(page, locale, 'signup', '/signup', found)
      await page.setViewportSize({ width: 1280, height: 800 })
      await page.reload()
      await page.locator('main form button[type="submit"]').last().click()
      await expect(page.locator('[aria-invalid="true"]').first()).toBeFocused()
      await shoot(page, locale, 'signup-errors', found, { afterInput: true })
      expect(found, describeViolations(found)).toEqual([])
    })

    test('every page signed in, and the pages behind emailed links, at 1280 and 375 px', async ({ page, uniqueEmail }) => {
      test.setTimeout(120_000)
      const found: Violation[] = []
      // The one account of this language: signed up through the form, its address still pending.
      const email = uniqueEmail(`screens-${locale}`)
      await page.goto('/signup')
      await page.locator('#name').fill('Camille Martin')
      await page.locator('#email').fill(email)
      await page.locator('#password').fill('a long enough password')
      await page.locator('main form button[type="submit"]').last().click()
      await expect(page).toHaveURL(/\/dashboard$/)
      await visit(page, locale, 'dashboard-pending', '/dashboard', found)
      await expect(page.getByTestId('pending-address')).toBeVisible()
      const userId = await signedInUserId(page)
      await visit(page, locale, 'settings-notifications', '/settings/notifications', found)
      await visit(page, locale, 'settings-account', '/settings/account', found)
      await visit(page, locale, 'pricing-signed-in', '/pricing', found)
      await visit(page, locale, 'billing-unavailable', '/billing/unavailable', found)
      await visit(page, locale, '403', '/admin/emails', found)

      // An onboarding email's unsubscribe link: the page, then the page after its button (with undo).
      await visit(page, locale, 'unsubscribe-confirm', unsubscribePathFor(userId), found)
      await page.setViewportSize({ width: 1280, height: 800 })
      await expect(page.getByTestId('unsubscribe')).toHaveAttribute('data-state', 'subscribed')
      await page.locator('main form button[type="submit"]').first().click()
      await expect(page.getByTestId('unsubscribe')).toHaveAttribute('data-state', 'unsubscribed')
      await shoot(page, locale, 'unsubscribe-done', found, { afterInput: true })

      await visit(page, locale, 'verify-email', confirmationPathFor(userId), found)
      await page.setViewportSize({ width: 1280, height: 800 })
      await page.locator('main form button[type="submit"]').click()
      await expect(page).toHaveURL(/\/dashboard\?confirmed=1$/)
      await visit(page, locale, 'dashboard-confirmed', '/dashboard?confirmed=1', found)
      await expect(page.getByTestId('address-confirmed')).toBeVisible()
      // Signed out: a reset asked for, the page its link opens, and a password it refuses (nothing changes).
      await page.context().clearCookies()
      await page.setViewportSize({ width: 1280, height: 800 })
      await page.goto('/forgot-password')
      await page.locator('#email').fill(email)
      await page.locator('main form button[type="submit"]').last().click()
      await expect(page.getByTestId('reset-requested').locator('h1')).toBeFocused()
      await shoot(page, locale, 'forgot-password-sent', found, { afterInput: true })
      await visit(page, locale, 'reset-password', userTokenPathFor(userId, 'password-reset'), found)
      await page.setViewportSize({ width: 1280, height: 800 })
      await page.locator('input[name="password"]').fill('short')
      await page.locator('form:has(input[name="password"]) button[type="submit"]').click()
      await expect(page.locator('[data-field-error="password"]')).toBeVisible()
      await shoot(page, locale, 'reset-password-error', found, { afterInput: true })

      expect(found, describeViolations(found)).toEqual([])

      // The language menu, open, then used: the next language, on the same page.
      const next = LOCALES[(LOCALES.indexOf(locale) + 1) % LOCALES.length]!
      await page.goto('/pricing')
      await page.getByTestId('language-menu').locator('summary').click()
      const option = page.getByRole('button', { name: LOCALE_NAMES[next], exact: true })
      await expect(option).toHaveAttribute('lang', next)
      await expect(page.getByRole('button', { name: LOCALE_NAMES[locale], exact: true })).toHaveAttribute('aria-current', 'true')
      await page.setViewportSize({ width: 375, height: 800 })
      await page.screenshot({ path: `${DIR}/language-menu-${locale}-375.png` })
      await option.click()
      await expect(page).toHaveURL(/\/pricing$/)
      await expect(page.locator('html')).toHaveAttribute('lang', next)
    })
  })
}

test('the language menu works without JavaScript and keeps the page', async ({ browser, baseURL }) => {
  const context = await browser.newContext({ baseURL, javaScriptEnabled: false, locale: 'en-US', extraHTTPHeaders: { 'X-Forwarded-For': '198.51.250.7' } })
  const page = await context.newPage()
  await page.goto('/pricing?interval=year')
  await page.getByTestId('language-menu').locator('summary').click()
  await page.getByRole('button', { name: 'Español', exact: true }).click()
  await expect(page).toHaveURL(/\/pricing\?interval=year$/)
  await expect(page.locator('html')).toHaveAttribute('lang', 'es')
  await context.close()
})
