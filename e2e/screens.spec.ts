import type { Page } from '@playwright/test'
import { LOCALE_NAMES, LOCALES, type Locale } from '../app/i18n/locales'
import { confirmationPathFor, signedInUserId } from './support/accounts'
import { expect, test } from './support/fixtures'

// Every visitor page in each language at 1280 and 375 CSS pixels, into test-results/screens/ for a person
// to look at (the "looks like a product you would pay for" is judged on these). Cheap on purpose:
// one account per language, each page loaded once and shot at both widths (the layout is CSS only), and
// what can fail without a person looking: nothing scrolls sideways at 375 px, nothing shifts after the
// first paint, and the language menu switches languages and keeps the page, with and without JavaScript.

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

/** The page as loaded at 1280 px (nothing moved since its first paint), then at 375 px. */
async function shoot(page: Page, locale: Locale, name: string, { afterInput = false } = {}) {
  // After a submission the answer is meant to change the page: only a fresh load is measured.
  if (!afterInput) expect(await layoutShift(page), `${name}: layout shift`).toBeLessThan(0.01)
  await page.screenshot({ path: `${DIR}/${name}-${locale}-1280.png`, fullPage: true })
  await page.setViewportSize({ width: 375, height: 800 })
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth)
  expect(overflow, `${name}: scrolls sideways at 375 px`).toBeLessThanOrEqual(0)
  await page.screenshot({ path: `${DIR}/${name}-${locale}-375.png`, fullPage: true })
}

async function visit(page: Page, locale: Locale, name: string, path: string) {
  await page.setViewportSize({ width: 1280, height: 800 })
  await page.goto(path)
  await expect(page.locator('html')).toHaveAttribute('lang', locale)
  await shoot(page, locale, name)
}

for (const locale of LOCALES) {
  test.describe(`screens in ${locale}`, () => {
    test.use({ locale: ACCEPT_LANGUAGE[locale] })

    test('every visitor page, signed out then signed in, at 1280 and 375 px', async ({ page, uniqueEmail }) => {
      test.setTimeout(120_000)
      await visit(page, locale, 'home', '/')
      await visit(page, locale, 'pricing', '/pricing')
      await visit(page, locale, 'login', '/login')
      await visit(page, locale, 'forgot-password', '/forgot-password')
      await visit(page, locale, 'reset-password-invalid', '/reset-password/not-a-token')
      await visit(page, locale, 'verify-email-invalid', '/verify-email/not-a-token')
      await visit(page, locale, 'unsubscribe-invalid', '/unsubscribe/not-a-token')
      await visit(page, locale, 'invitation-invalid', '/invitations/nobody/not-a-token')
      await visit(page, locale, 'account-deleted', '/account-deleted')
      await visit(page, locale, '404', '/no-such-page')
      await visit(page, locale, 'signup', '/signup')
      await page.setViewportSize({ width: 1280, height: 800 })
      await page.reload()
      await page.locator('main form button[type="submit"]').last().click()
      await expect(page.locator('[aria-invalid="true"]').first()).toBeFocused()
      await shoot(page, locale, 'signup-errors', { afterInput: true })

      // The one account of this language: signed up through the form, its address still pending.
      await page.locator('#name').fill('Camille Martin')
      await page.locator('#email').fill(uniqueEmail(`screens-${locale}`))
      await page.locator('#password').fill('a long enough password')
      await page.locator('main form button[type="submit"]').last().click()
      await expect(page).toHaveURL(/\/dashboard$/)
      await visit(page, locale, 'dashboard-pending', '/dashboard')
      await expect(page.getByTestId('pending-address')).toBeVisible()
      const userId = await signedInUserId(page)
      await visit(page, locale, 'settings-notifications', '/settings/notifications')
      await visit(page, locale, 'settings-account', '/settings/account')
      await visit(page, locale, 'pricing-signed-in', '/pricing')
      await visit(page, locale, 'billing-unavailable', '/billing/unavailable')
      await visit(page, locale, '403', '/admin/emails')
      await visit(page, locale, 'verify-email', confirmationPathFor(userId))
      await page.locator('main form button[type="submit"]').click()
      await expect(page).toHaveURL(/\/dashboard\?confirmed=1$/)
      await visit(page, locale, 'dashboard-confirmed', '/dashboard?confirmed=1')
      await expect(page.getByTestId('address-confirmed')).toBeVisible()

      // The language menu, open, then used: the next language, on the same page.
      const next = LOCALES[(LOCALES.indexOf(locale) + 1) % LOCALES.length]!
      await page.goto('/settings/notifications')
      await page.getByTestId('language-menu').locator('summary').click()
      const option = page.getByRole('button', { name: LOCALE_NAMES[next], exact: true })
      await expect(option).toHaveAttribute('lang', next)
      await expect(page.getByRole('button', { name: LOCALE_NAMES[locale], exact: true })).toHaveAttribute('aria-current', 'true')
      await page.setViewportSize({ width: 375, height: 800 })
      await page.screenshot({ path: `${DIR}/language-menu-${locale}-375.png` })
      await option.click()
      await expect(page).toHaveURL(/\/settings\/notifications$/)
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
