import { expect, test } from './support/fixtures'
import { signUpThroughForm } from './support/accounts'
import { confirmAddress, runFor } from './support/billing'
import { signInAsSeededAdmin } from './support/studio'

// Screenshots of the billing pages and emails in fr/en/es at 1280 and 375 px, for people to look at
// (test-results/screens-billing/; /pricing is in e2e/screens.spec.ts with every visitor page). The assertions only check that each page is the one meant.

const WIDTHS = [1280, 375] as const
const LANGUAGES = [
  { lang: 'fr', locale: 'fr-FR', signUp: "S'inscrire", start: /Démarrer mon essai/ },
  { lang: 'en', locale: 'en-US', signUp: 'Sign up', start: /Start my trial/ },
  { lang: 'es', locale: 'es-ES', signUp: 'Registrarse', start: /Empezar mi prueba/ },
] as const
const dir = 'test-results/screens-billing'

for (const { lang, locale, signUp, start } of LANGUAGES) {
  test.describe(`billing pages in ${lang}`, () => {
    test.use({ locale })

    test('the success page, waiting then ready, and the dashboard with its plan, desktop and mobile', async ({ page, uniqueEmail }) => {
      test.setTimeout(90_000)
      const email = uniqueEmail(`screens-${lang}`)
      const userId = await signUpThroughForm(page, { name: 'Camille Martin', email, password: 'a long enough password', submit: signUp })
      confirmAddress(email)
      await page.goto('/pricing?interval=year')
      await page.getByTestId('plan-pro').getByRole('button', { name: start }).click()
      await page.getByRole('button', { name: 'Subscribe', exact: true }).click()
      await expect(page.getByTestId('checkout-success')).toHaveAttribute('data-state', 'confirmed')
      for (const width of WIDTHS) {
        await page.setViewportSize({ width, height: 900 })
        await page.screenshot({ path: `${dir}/success-waiting-${lang}-${width}.png`, fullPage: true })
      }
      await runFor('process-subscription', (e) => e.name === 'stripe/subscription.created' && e.data.userId === userId)
      await expect(page.getByTestId('checkout-ready')).toBeVisible({ timeout: 10_000 })
      for (const width of WIDTHS) {
        await page.setViewportSize({ width, height: 900 })
        await page.screenshot({ path: `${dir}/success-ready-${lang}-${width}.png`, fullPage: true })
      }
      await page.goto('/dashboard')
      await expect(page.getByTestId('subscription-plan')).toBeVisible()
      for (const width of WIDTHS) {
        await page.setViewportSize({ width, height: 900 })
        await page.screenshot({ path: `${dir}/dashboard-${lang}-${width}.png`, fullPage: true })
      }
    })
  })
}

test('the billing emails in fr/en/es, desktop and mobile', async ({ page }) => {
  test.setTimeout(120_000)
  await signInAsSeededAdmin(page)
  const emails = [
    ['subscription-created', 'trial-pro-fr'],
    ['subscription-created', 'trial-starter-en'],
    ['subscription-created', 'active-business-es'],
    ['payment-failed', 'pro-es'],
    ['subscription-canceled', 'pro-fr'],
    ['trial-reminder', 'pro-trial'],
  ] as const
  for (const [template, sample] of emails) {
    for (const lang of ['fr', 'en', 'es']) {
      // Loaded once, shot at both widths (an email's layout is its own CSS).
      await page.setViewportSize({ width: 680, height: 900 })
      await page.goto(`/admin/emails/${template}/preview?locale=${lang}&sample=${sample}`)
      await expect(page.locator('a').first()).toBeVisible()
      for (const width of [680, 375]) {
        await page.setViewportSize({ width, height: 900 })
        await page.screenshot({ path: `${dir}/email-${template}-${sample}-${lang}-${width}.png`, fullPage: true })
      }
    }
  }
})
