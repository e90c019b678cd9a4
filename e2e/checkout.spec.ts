import type { Page } from '@playwright/test'
import { expect, test } from './support/fixtures'
import { signUpThroughForm } from './support/accounts'
import { confirmAddress, failPayment, runFor } from './support/billing'
import { mailboxFor } from './support/mailbox'

// A user goes from /pricing through Stripe's Checkout (the loopback double, which sends the app the
// signed webhooks Stripe would, in Stripe's order or reversed) to the success page, the dashboard and
// the mailbox; then a failed payment (dunning) and a cancellation in the portal.

const password = 'a long enough password'

/** Signs up, confirms the address, chooses a plan on /pricing and pays on the double's Checkout. */
async function subscribe(page: Page, account: { name: string; email: string; signUp: string; start: RegExp; plan: string }, order: 'Subscribe' | 'Subscribe (events out of order)') {
  const userId = await signUpThroughForm(page, { name: account.name, email: account.email, password, submit: account.signUp })
  confirmAddress(account.email)
  await page.goto('/pricing')
  await page.getByTestId(`plan-${account.plan}`).getByRole('button', { name: account.start }).click()
  await expect(page).toHaveURL(/\/c\/pay\/cs_test_/)
  await page.getByRole('button', { name: order, exact: true }).click()
  await expect(page).toHaveURL(/\/billing\/success\?session_id=cs_test_/)
  return userId
}

test.describe('a French user subscribes to Pro', () => {
  test.use({ locale: 'fr-FR' })

  for (const order of ['Subscribe', 'Subscribe (events out of order)'] as const) {
    test(`from /pricing to the dashboard and a French confirmation (${order === 'Subscribe' ? "Stripe's order" : 'out of order'})`, async ({ page, uniqueEmail }) => {
      test.setTimeout(60_000)
      const email = uniqueEmail('checkout')
      await page.goto('/pricing')
      const pro = page.getByTestId('plan-pro')
      await expect(pro.getByTestId('price')).toHaveText('29,00\u00a0€ par mois')
      await expect(pro).toContainText('Invitez toute votre équipe')

      const userId = await subscribe(page, { name: 'Camille Martin', email, signUp: "S'inscrire", start: /Démarrer mon essai/, plan: 'pro' }, order)
      // Stripe's webhooks have arrived (the double sent them before redirecting): the page says what happens next.
      await expect(page.getByTestId('checkout-success')).toHaveAttribute('data-state', 'confirmed')
      await expect(page.getByRole('status')).toContainText('formule Pro')

      const created = await runFor('process-subscription', (e) => e.name === 'stripe/subscription.created' && e.data.userId === userId)
      // The page refreshes itself and shows the organization once it exists.
      await expect(page.getByTestId('checkout-ready')).toHaveText('Votre organisation Camille Martin est abonnée à la formule Pro.', { timeout: 10_000 })

      await page.getByRole('link', { name: 'Aller à mon tableau de bord' }).click()
      const organization = page.getByTestId('organization')
      await expect(organization.getByTestId('organization-name')).toHaveText('Camille Martin')
      await expect(organization.getByTestId('subscription-status')).toContainText('Essai')
      await expect(organization.getByTestId('subscription-plan')).toHaveText('Formule\u00a0: Pro · 29,00\u00a0€ par mois')
      await expect(organization.getByTestId('members')).toContainText('Propriétaire')

      const mail = (await mailboxFor(email)).filter((m) => m.template === 'subscription-created')
      expect(mail.map((m) => [m.locale, m.subject])).toEqual([['fr', 'Votre abonnement Pro est confirmé']])
      expect(mail[0]!.text).toContain('29,00\u00a0€ par mois')
      expect(mail[0]!.text).toContain('Invitez toute votre équipe')
      expect(created.data.subscriptionId).toMatch(/^sub_double_/)
    })
  }
})

test.describe('a Spanish owner', () => {
  test.use({ locale: 'es-ES' })

  test('gets the Spanish dunning email when a payment fails, and the cancellation email after cancelling in the portal', async ({ page, uniqueEmail }) => {
    test.setTimeout(60_000)
    const email = uniqueEmail('dunning')
    const userId = await subscribe(page, { name: 'Lucía Romero', email, signUp: 'Registrarse', start: /Empezar mi prueba/, plan: 'starter' }, 'Subscribe')
    const created = await runFor('process-subscription', (e) => e.name === 'stripe/subscription.created' && e.data.userId === userId)
    const subscriptionId = created.data.subscriptionId as string
    // The success page stops refreshing itself once the organization is there.
    await expect(page.getByTestId('checkout-ready')).toBeVisible({ timeout: 10_000 })

    await failPayment(subscriptionId)
    await runFor('send-payment-failed', (e) => e.name === 'stripe/invoice.payment-failed' && e.data.subscriptionId === subscriptionId)
    const dunning = (await mailboxFor(email)).filter((m) => m.template === 'payment-failed')
    expect(dunning.map((m) => [m.locale, m.subject])).toEqual([['es', 'Tu pago para Lucía Romero no se ha podido realizar']])
    expect(dunning[0]!.text).toContain('No hemos podido cobrar 9,00\u00a0€ por el plan Starter de Lucía Romero.')
    expect(dunning[0]!.text).toMatch(/Stripe lo intentará de nuevo el \d+ de \w+ de \d{4}/)
    expect(dunning[0]!.text).toContain('/billing/portal')

    // "Manage my subscription" → the portal → cancel → back on the dashboard.
    await page.goto('/dashboard')
    await expect(page.getByTestId('subscription-status')).toContainText('Pago atrasado')
    await page.getByTestId('manage-subscription').click()
    await expect(page).toHaveURL(/\/p\/session\/bps_/)
    await page.getByRole('button', { name: 'Cancel subscription' }).click()
    await expect(page).toHaveURL(/\/dashboard$/)
    await expect(page.getByTestId('subscription-status')).toContainText('Cancelada')

    await runFor('send-subscription-canceled', (e) => e.name === 'stripe/subscription.canceled' && e.data.subscriptionId === subscriptionId)
    const canceled = (await mailboxFor(email)).filter((m) => m.template === 'subscription-canceled')
    expect(canceled.map((m) => [m.locale, m.subject])).toEqual([['es', 'Tu suscripción Starter para Lucía Romero ha terminado']])
  })
})

test.describe('refusals', () => {
  test.use({ locale: 'en-US' })

  test('an unconfirmed address is told to confirm it; a visitor is sent to log in', async ({ page, uniqueEmail }) => {
    await page.goto('/pricing')
    await page.getByTestId('plan-pro').getByRole('button', { name: /Start my trial/ }).click()
    await expect(page).toHaveURL(/\/login\?redirectTo=%2Fpricing$/)

    await signUpThroughForm(page, { name: 'Alex Morgan', email: uniqueEmail('unconfirmed'), password, submit: 'Sign up' })
    await page.goto('/pricing')
    await expect(page.getByTestId('plan-starter').getByTestId('price')).toHaveText('€9.00 per month')
    await page.getByTestId('plan-pro').getByRole('button', { name: /Start my trial/ }).click()
    await expect(page.getByRole('alert')).toHaveText(/Please confirm your email address before starting a trial/)
    await expect(page).toHaveURL(/\/pricing$/)
  })
})
