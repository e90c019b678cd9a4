import Database from 'better-sqlite3'
import type { Browser, Page } from '@playwright/test'
import { e2eEnv } from '../playwright.config'
import { expect, test } from './support/fixtures'
import { mailboxFor } from './support/mailbox'
import { confirmAddress, signedInUserId } from './support/accounts'
import { postStripeEvent, relayedEvent, runAppFunction, subscriptionEvent } from './support/stripe-webhook'

// An owner invites by email → the invitation event is relayed → send-invitation emails the link → the
// invitee opens it, signs up, is brought back and joins. Used, revoked and expired links say so.

const password = 'a long enough password'
let address = 0

async function newPage(browser: Browser, baseURL: string | undefined, locale: string) {
  const context = await browser.newContext({ baseURL, locale, extraHTTPHeaders: { 'X-Forwarded-For': `203.0.113.${(++address % 250) + 1}` } })
  return context.newPage()
}

async function signUp(page: Page, name: string, email: string) {
  await page.locator('input[name="name"]').fill(name)
  await page.locator('input[name="email"]').fill(email)
  await page.locator('input[name="password"]').fill(password)
  await page.locator('form button[type="submit"]').last().click()
}

/** An owner with an organization, made the way production makes it: a signed Stripe event and its function. */
async function ownerWithOrganization(page: Page, email: string, organizationName: string) {
  await page.goto('/signup')
  await signUp(page, 'Olivia Owner', email)
  await expect(page).toHaveURL(/\/dashboard$/)
  // Only a confirmed address makes an owner (issue 11).
  await confirmAddress(page, await signedInUserId(page))
  const event = subscriptionEvent({ email, name: organizationName })
  expect((await postStripeEvent(event)).status).toBe(200)
  const relayed = await relayedEvent((e) => e.name === 'stripe/subscription.created' && e.data.subscriptionId === event.data.object.id)
  await runAppFunction('process-subscription', relayed)
  await page.reload()
  await expect(page.getByTestId('organization-name')).toHaveText(organizationName)
}

async function invite(page: Page, email: string, label: string, submit: string) {
  await page.getByLabel(label).fill(email)
  await page.getByRole('button', { name: submit }).click()
}

/**
 * Runs send-invitation for the invitation made for `email` (its id read from the owner's dashboard: the
 * event carries ids only) and returns the link from the email.
 */
async function invitationLink(page: Page, email: string) {
  const invitationId = await page.getByTestId('invitations').locator('li', { hasText: email }).locator('input[name="invitationId"]').getAttribute('value')
  const relayed = await relayedEvent((e) => e.name === 'organization/invitation.created' && e.data.invitationId === invitationId)
  await runAppFunction('send-invitation', relayed)
  const mail = (await mailboxFor(email)).filter((m) => m.template === 'invitation')
  expect(mail).toHaveLength(1)
  const link = /https?:\/\/[^\s"<>]+\/invitations\/[^\s"<>]+/.exec(mail[0]!.text)?.[0]
  // A link on the app's own address (APP_URL), to the invitation's id and token.
  expect(link, mail[0]!.text).toMatch(new RegExp(`^${e2eEnv.baseURL}/invitations/[^/]+/[^/]+$`))
  return { url: new URL(link!), mail: mail[0]! }
}

test.describe('invitations', () => {
  test.use({ locale: 'en-US' })

  test('an owner invites someone, who signs up from the link and joins; the link then says it was used', async ({ page, browser, baseURL, uniqueEmail }) => {
    const ownerEmail = uniqueEmail('owner')
    const inviteeEmail = uniqueEmail('invitee')
    await ownerWithOrganization(page, ownerEmail, 'Northwind Studio')

    await invite(page, inviteeEmail, 'Their email address', 'Send invitation')
    await expect(page.getByTestId('invitation-done')).toHaveText(`Invitation sent to ${inviteeEmail}. The link is valid for 7 days.`)
    await expect(page.getByTestId('invitations')).toContainText(inviteeEmail)
    // Inviting the same address again while the first is pending: a message next to the field.
    await invite(page, inviteeEmail, 'Their email address', 'Send invitation')
    await expect(page.locator('[data-field-error="email"]')).toHaveText('An invitation is already waiting for this address. Revoke it to send a new one.')

    // The owner browses in English; the email follows the inviter's page language for a newcomer.
    const { url, mail } = await invitationLink(page, inviteeEmail)
    expect([mail.locale, mail.subject]).toEqual(['en', 'Olivia Owner invited you to join Northwind Studio on Courrier'])

    // The invitee, in Spanish, opens the link signed out, signs up, and is brought back to it.
    const invitee = await newPage(browser, baseURL, 'es-ES')
    await invitee.goto(url.pathname)
    await expect(invitee.getByRole('heading', { level: 1 })).toHaveText('Únete a Northwind Studio')
    await invitee.getByRole('link', { name: 'Crear una cuenta' }).click()
    await expect(invitee).toHaveURL(/\/signup$/)
    await signUp(invitee, 'Iker Invitee', inviteeEmail)
    await expect(invitee).toHaveURL((current) => current.pathname === url.pathname)
    await invitee.getByRole('button', { name: 'Unirme a Northwind Studio' }).click()
    await expect(invitee).toHaveURL(/\/dashboard$/)
    await expect(invitee.getByTestId('organization-name')).toHaveText('Northwind Studio')
    await expect(invitee.getByTestId('members')).toContainText('Iker Invitee (tú)')
    await expect(invitee.getByTestId('members')).toContainText('Miembro')

    await page.reload()
    await expect(page.getByTestId('members').locator('tbody tr')).toHaveCount(2)
    await expect(page.getByTestId('invitations')).toHaveCount(0)

    const response = await invitee.goto(url.pathname)
    expect(response?.status()).toBe(410)
    await expect(invitee.getByTestId('invitation-state')).toContainText('ya fue aceptada')
    await invitee.context().close()
  })

  test('revoked and expired invitations are refused with a clear message', async ({ page, browser, baseURL, uniqueEmail }) => {
    await ownerWithOrganization(page, uniqueEmail('owner'), 'Contoso Labs')
    const revokedEmail = uniqueEmail('revoked')
    const expiredEmail = uniqueEmail('expired')
    await invite(page, revokedEmail, 'Their email address', 'Send invitation')
    await expect(page.getByTestId('invitation-done')).toBeVisible()
    await invite(page, expiredEmail, 'Their email address', 'Send invitation')
    await expect(page.getByTestId('invitation-done')).toContainText(expiredEmail)
    const revoked = await invitationLink(page, revokedEmail)
    const expired = await invitationLink(page, expiredEmail)

    await page.getByRole('button', { name: `Revoke the invitation sent to ${revokedEmail}` }).click()
    await expect(page.getByTestId('invitation-done')).toHaveText('Invitation revoked: its link no longer works.')
    await expect(page.getByTestId('invitations')).not.toContainText(revokedEmail)

    // A week goes by for this one (the test moves its expiry into the past in the app's database).
    const db = new Database(e2eEnv.databaseFile)
    db.prepare('UPDATE invitations SET expires_at = ? WHERE email = ?').run(Date.now() - 60_000, expiredEmail)
    db.close()

    const visitor = await newPage(browser, baseURL, 'fr-FR')
    let response = await visitor.goto(revoked.url.pathname)
    expect(response?.status()).toBe(410)
    await expect(visitor.getByRole('heading', { level: 1 })).toHaveText('Cette invitation a été révoquée')
    await expect(visitor.getByRole('button', { name: /Rejoindre/ })).toHaveCount(0)

    response = await visitor.goto(expired.url.pathname)
    expect(response?.status()).toBe(410)
    await expect(visitor.getByRole('heading', { level: 1 })).toHaveText('Cette invitation a expiré')
    await expect(visitor.getByTestId('invitation-state')).toContainText("Demandez à la personne qui vous a invité·e de vous en envoyer une nouvelle.")

    // Signed up with the invited address, still no way in.
    await visitor.goto('/signup')
    await signUp(visitor, 'Late Comer', expiredEmail)
    await expect(visitor).toHaveURL(/\/dashboard$/)
    await expect(visitor.getByTestId('no-organization')).toBeVisible()
    response = await visitor.goto(expired.url.pathname)
    expect(response?.status()).toBe(410)

    // A forged link is not found.
    response = await visitor.goto(expired.url.pathname.replace(/\/[^/]+$/, '/forged-token'))
    expect(response?.status()).toBe(404)
    await expect(visitor.getByRole('heading', { level: 1 })).toHaveText('Invitation introuvable')
    await visitor.context().close()
  })
})
