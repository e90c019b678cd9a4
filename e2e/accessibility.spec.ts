import type { Page } from '@playwright/test'
import { createCookie } from 'react-router'
import { LOCALES, type Locale } from '../app/i18n/locales'
import { confirmAddress, signedInUserId } from './support/accounts'
import { axeViolations, describeViolations, type Violation } from './support/axe'
import { expect, test } from './support/fixtures'
import { mailboxFor, signInAsSeededAdmin } from './support/studio'
import { postStripeEvent, relayedEvent, runAppFunction, subscriptionEvent } from './support/stripe-webhook'

// axe-core in each language over the states people meet after a refused form, signed out and signed
// in, and over every page of the studio as its admin: no serious or critical violation anywhere (every
// visitor page as first loaded is checked by e2e/screens.spec.ts, in the pass that shoots it). The
// studio's pages at 320 CSS pixels too (WCAG 1.4.10, reflow), and the error pages' titles.

const ACCEPT_LANGUAGE: Record<Locale, string> = { fr: 'fr-FR', en: 'en-US', es: 'es-ES' }
const password = 'a long enough password'
const lngCookie = createCookie('lng')
const SCREENS = 'test-results/screens-a11y'
const submit = (page: Page) => page.locator('main form button[type="submit"]').last()

/** Checks one page as it stands, after making sure it is in the language under test. */
async function check(page: Page, locale: Locale, label: string, found: Violation[]) {
  await expect(page.locator('html')).toHaveAttribute('lang', locale)
  // Every page starts with a way past the header, to a target that exists.
  await expect(page.locator('body > a.skip-link[href="#main"]')).toHaveCount(1)
  await expect(page.locator('main#main')).toHaveCount(1)
  found.push(...(await axeViolations(page, `${locale} ${label}`)))
}

/** Shows the studio in `locale` without changing the seeded admin's saved language (other specs sign in as it). */
async function studioIn(page: Page, locale: Locale) {
  await signInAsSeededAdmin(page, '/admin')
  const url = new URL(page.url())
  const value = (await lngCookie.serialize(locale)).split(';')[0]!.split('=')[1]!
  await page.context().addCookies([{ name: 'lng', value, url: url.origin }])
}

/** A message the studio sent and the event it came from, for the mailbox and event pages. */
async function sentMessage(page: Page, to: string) {
  await page.goto('/admin/emails/welcome')
  await page.locator('#test-to').fill(to)
  await page.locator('#test-to').press('Enter')
  await expect(page.getByTestId('send-result')).toBeVisible()
  const [message] = await mailboxFor(page.request, to)
  return { messageId: message!.id, eventId: message!.eventId! }
}

for (const locale of LOCALES) {
  test.describe(`accessibility in ${locale}`, () => {
    test.use({ locale: ACCEPT_LANGUAGE[locale] })

    // Every page as first loaded is checked by e2e/screens.spec.ts in the same pass as its screenshots;
    // these are the states only a refused form reaches.
    test('signed out: every refused form', async ({ page, uniqueEmail }) => {
      test.setTimeout(90_000)
      const found: Violation[] = []
      await page.goto('/signup')
      await page.locator('#name').fill('Ana')
      await page.locator('#email').fill('not an address')
      await page.locator('#password').fill('short')
      await submit(page).click()
      await expect(page.locator('#email[aria-invalid="true"]')).toBeVisible()
      await check(page, locale, 'signup, invalid address and password', found)

      await page.goto('/login')
      await submit(page).click()
      await expect(page.locator('[aria-invalid="true"]').first()).toBeVisible()
      await check(page, locale, 'login, submitted empty', found)
      await page.locator('#email').fill(uniqueEmail('nobody'))
      await page.locator('#password').fill(password)
      await submit(page).click()
      await expect(page.locator('[data-field-error="form"]')).toBeVisible()
      await check(page, locale, 'login, wrong credentials', found)

      await page.goto('/forgot-password')
      await page.locator('#email').fill('nope')
      await submit(page).click()
      await expect(page.locator('#email[aria-invalid="true"]')).toBeVisible()
      await check(page, locale, 'forgot password, invalid address', found)

      expect(found, describeViolations(found)).toEqual([])
    })

    test('signed in: a refused new link, an organization, a refused invitation, a refused language', async ({ page, uniqueEmail }) => {
      test.setTimeout(120_000)
      const found: Violation[] = []
      const email = uniqueEmail('a11y')
      await page.goto('/signup')
      await page.locator('#name').fill('Dominique Lefèvre')
      await page.locator('#email').fill(email)
      await page.locator('#password').fill(password)
      await submit(page).click()
      await expect(page).toHaveURL(/\/dashboard$/)
      // "Send the link again" a moment after signup: held (429), the refusal takes focus.
      await page.getByTestId('pending-address').locator('button[type="submit"]').click()
      await expect(page.getByTestId('pending-address').getByRole('alert')).toBeFocused()
      await check(page, locale, 'dashboard, new link refused', found)
      await confirmAddress(page, await signedInUserId(page))

      // An organization (as a Stripe subscription makes one) brings the members table and the invitation form.
      const event = subscriptionEvent({ email, name: 'Atelier Lefèvre', planName: 'Pro' })
      expect((await postStripeEvent(event)).status).toBe(200)
      await runAppFunction('process-subscription', await relayedEvent((e) => e.name === 'stripe/subscription.created' && e.data.subscriptionId === event.data.object.id))
      await page.reload()
      await expect(page.getByTestId('organization')).toBeVisible()
      await check(page, locale, 'dashboard, organization', found)
      await page.getByTestId('organization').locator('input[name="email"]').fill('not an address')
      await page.getByTestId('organization').locator('form:has(input[name="email"]) button[type="submit"]').click()
      await expect(page.getByTestId('organization').locator('[aria-invalid="true"]')).toBeVisible()
      await check(page, locale, 'dashboard, invitation refused', found)

      // The language switcher refuses a language it does not know, on its own page.
      await page.evaluate(() => {
        const form = Object.assign(document.createElement('form'), { method: 'post', action: '/language' })
        form.append(Object.assign(document.createElement('input'), { name: 'lng', value: 'xx' }))
        document.body.append(form)
        form.submit()
      })
      await expect(page).toHaveURL(/\/language$/)
      await check(page, locale, 'language, refused', found)

      expect(found, describeViolations(found)).toEqual([])
    })

    // The studio in two tests, each well inside its time on a busy machine (the grid renders 42 emails).
    // Each page is loaded once: axe at 1280 px, then the same page at 320 px (WCAG 1.4.10, reflow), where
    // nothing scrolls sideways but what is two-dimensional by nature (data tables, an email's own width),
    // each inside its own scrolling box; the first screen there is shot (what someone on a narrow phone,
    // or zoomed to 400 %, sees before scrolling).
    test('the studio: overview, grid, a template page in every tab, a refused data edit; at 320 px too', async ({ page }) => {
      test.setTimeout(180_000)
      await page.setViewportSize({ width: 1280, height: 900 })
      const found: Violation[] = []
      await studioIn(page, locale)

      await page.goto('/admin')
      await checkStudio(page, locale, 'overview', found, { shot: true })
      await page.goto('/admin/emails')
      await expect(page.locator('.grid-row').first()).toBeVisible()
      await checkStudio(page, locale, 'grid', found, { shot: true })
      // The badges speak the interface's language: nothing between them and <html> says otherwise.
      const badgeLangs = await page.locator('ul.badges').evaluateAll((lists) => [...new Set(lists.map((l) => l.closest('[lang]')?.tagName))])
      expect(badgeLangs).toEqual(['HTML'])
      // A grid cell with what its checks found, opened from the keyboard, at 320 px.
      await page.setViewportSize({ width: 320, height: 1000 })
      await page.getByTestId('check-findings').first().locator('summary').focus()
      await page.keyboard.press('Enter')
      await expect(page.getByTestId('check-findings').first()).toHaveAttribute('open')
      await expectReflow(page, 'grid, findings open', 320)
      await page.getByTestId('check-findings').first().scrollIntoViewIfNeeded()
      await shoot(page, `studio-grid-findings-${locale}-320`, false)

      await page.goto('/admin/emails/welcome')
      await checkStudio(page, locale, 'template', found, { shot: true })
      for (const tab of ['text', 'source', 'envelope']) {
        await page.goto(`/admin/emails/welcome?tab=${tab}&width=mobile`)
        await checkStudio(page, locale, `template-${tab}`, found, { shot: tab === 'envelope' })
      }
      await page.goto('/admin/emails/welcome')
      await page.locator('#sample-data').fill('{ "userName": ')
      await page.locator('#sample-data').locator('xpath=ancestor::form').locator('button[type="submit"]').click()
      await expect(page.getByTestId('data-error')).toBeVisible()
      await expect(page.locator('#sample-data')).toBeFocused()
      await check(page, locale, 'template page, data refused', found)

      expect(found, describeViolations(found)).toEqual([])
    })

    test('the studio: mailbox, a message, an event, the team and a refused role; at 320 px too', async ({ page, uniqueEmail }) => {
      test.setTimeout(180_000)
      await page.setViewportSize({ width: 1280, height: 900 })
      const found: Violation[] = []
      await studioIn(page, locale)
      const ids = await sentMessage(page, uniqueEmail('a11y-studio'))

      await page.goto('/admin/mailbox')
      await checkStudio(page, locale, 'mailbox', found, { shot: true })
      for (const tab of ['html', 'text', 'headers']) {
        await page.goto(`/admin/mailbox/${ids.messageId}?tab=${tab}`)
        await checkStudio(page, locale, tab === 'html' ? 'message' : `message-${tab}`, found, { shot: tab === 'html' })
      }
      await page.goto(`/admin/events/${encodeURIComponent(ids.eventId)}`)
      await checkStudio(page, locale, 'event', found, { shot: true })
      await page.goto('/admin/team')
      await checkStudio(page, locale, 'team', found, { shot: true })
      // No column without a visible header (axe's empty-table-header, a minor rule, asks for visible text).
      for (const header of await page.getByTestId('team').locator('th').all()) await expect(header).toHaveText(/\S/)
      await expect(page.getByTestId('team').locator('th .visually-hidden')).toHaveCount(0)
      await page.locator('#grant-email').fill(uniqueEmail('nobody'))
      await submit(page).click()
      await expect(page.locator('main [role="alert"]')).toBeVisible()
      await expect(page.locator('#grant-email')).toBeFocused()
      await check(page, locale, 'team, unknown account', found)
      await page.goto('/admin/emails/no-such-template')
      await check(page, locale, 'studio 404', found)

      expect(found, describeViolations(found)).toEqual([])
    })
  })
}

/** A studio page as loaded at 1280 px checked by axe (and shot), then at 320 px for reflow (and shot), then back. */
async function checkStudio(page: Page, locale: Locale, name: string, found: Violation[], { shot = false } = {}) {
  await check(page, locale, `studio ${name}`, found)
  if (shot) await shoot(page, `studio-${name}-${locale}-1280`, false)
  await page.setViewportSize({ width: 320, height: 1000 })
  await expectReflow(page, name, 320)
  if (shot) await shoot(page, `studio-${name}-${locale}-320`, false)
  await page.setViewportSize({ width: 1280, height: 900 })
}

/** The page fits `width` CSS pixels: no sideways scrolling of the page itself (WCAG 1.4.10). */
async function expectReflow(page: Page, label: string, width: number) {
  const { scrollWidth, wide } = await page.evaluate((width) => {
    // The innermost elements that stick out, to name the culprit in the failure.
    const wide = [...document.body.querySelectorAll('*')]
      .filter((el) => el.getBoundingClientRect().right > width && ![...el.children].some((c) => c.getBoundingClientRect().right > width))
      .slice(0, 5)
      .map((el) => `${el.tagName.toLowerCase()}.${el.className} (${Math.round(el.getBoundingClientRect().right)}px)`)
    return { scrollWidth: document.documentElement.scrollWidth, wide }
  }, width)
  expect(scrollWidth, `${label} is ${scrollWidth}px wide at ${width}px: ${wide.join(', ')}`).toBeLessThanOrEqual(width)
}

async function shoot(page: Page, name: string, fullPage = true) {
  const path = `${SCREENS}/${name}.png`
  await page.screenshot({ path, fullPage })
  await test.info().attach(name, { path, contentType: 'image/png' })
}

for (const locale of LOCALES) {
  test.describe(`error pages in ${locale}`, () => {
    test.use({ locale: ACCEPT_LANGUAGE[locale] })

    test('error pages: a title of their own, in the language, at 1280 and 320 px', async ({ page, uniqueEmail }) => {
      test.setTimeout(60_000)
      const titles: Record<string, string> = {}
      const visit = async (name: string, go: () => Promise<unknown>) => {
        for (const width of [1280, 320]) {
          await page.setViewportSize({ width, height: 720 })
          await go()
          await page.waitForLoadState()
          titles[name] = (await page.locator('h1').textContent()) ?? ''
          await expect(page).toHaveTitle(titles[name]!)
          await expectReflow(page, name, width)
          await shoot(page, `error-${name}-${locale}-${width}`)
        }
      }
      await visit('404', () => page.goto('/no-such-page'))
      await page.goto('/signup')
      await page.locator('#name').fill('Sacha Petit')
      await page.locator('#email').fill(uniqueEmail('a11y-403'))
      await page.locator('#password').fill(password)
      await submit(page).click()
      await expect(page).toHaveURL(/\/dashboard$/)
      await visit('403', () => page.goto('/admin/emails'))
      await visit('language', () =>
        page.evaluate(() => {
          const form = Object.assign(document.createElement('form'), { method: 'post', action: '/language' })
          form.append(Object.assign(document.createElement('input'), { name: 'lng', value: 'xx' }))
          document.body.append(form)
          form.submit()
        }).then(() => page.waitForURL(/\/language$/)),
      )
      // Three different titles, none of them the old "Something went wrong", and none in another language.
      expect(new Set(Object.values(titles)).size).toBe(3)
      expect(titles).toEqual(EXPECTED_TITLES[locale])
    })
  })
}

const EXPECTED_TITLES: Record<Locale, Record<string, string>> = {
  fr: { '404': 'Page introuvable', '403': 'Accès refusé', language: 'Demande refusée' },
  en: { '404': 'Page not found', '403': 'Access denied', language: 'Request refused' },
  es: { '404': 'Página no encontrada', '403': 'Acceso denegado', language: 'Solicitud rechazada' },
}
