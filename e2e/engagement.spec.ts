import type { Browser, Page } from '@playwright/test'
import { e2eEnv } from '../playwright.config'
import { runFunction, type InngestEvent } from '../test/mocks/inngest-executor'
import { confirmEmailInDatabase, signUpThroughForm } from './support/accounts'
import { expect, test } from './support/fixtures'
import { mailboxFor } from './support/mailbox'
import { postResendEvent, resendEmailFor } from './support/resend-webhook'
import { axeViolations, describeViolations, type Violation } from './support/axe'
import { signInAsSeededAdmin } from './support/studio'
import { test as studioTest } from './support/studio-session'
import { userEvent } from './support/events'

// Engagement end to end: the app sends through the Resend double (every e2e email does), signed webhook
// deliveries come back as Resend would post them, and the studio shows them: the message's timeline, the
// analytics page's numbers, the suppression list; a bounced address gets no more lifecycle email.

const password = 'a long enough password'
const screens = 'test-results/screens-engagement'

/** The seeded admin in a browser of its own (the worker's session, in English). */
async function adminPage(browser: Browser): Promise<Page> {
  const context = await browser.newContext({ locale: 'en-US', extraHTTPHeaders: { 'X-Forwarded-For': `192.0.2.${Math.floor(Math.random() * 200) + 20}` } })
  const page = await context.newPage()
  await signInAsSeededAdmin(page, '/admin/analytics?period=7')
  return page
}

const welcomeJourney = (event: InngestEvent, baseURL: string, onSleep?: (step: string) => Promise<void>) =>
  runFunction('courrier-welcome-journey', event, { endpoint: `${baseURL}/api/inngest`, eventApi: e2eEnv.eventApiURL, onSleep })

/** The welcome row's clicked count on the analytics page ("12,5 % (3)" → 3). */
async function clickedCount(page: Page, locale: string): Promise<number> {
  const row = page.locator(`[data-testid="engagement-table"] tr[data-template="welcome"][data-locale="${locale}"]`)
  if ((await row.count()) === 0) return 0
  const text = (await row.locator('[data-metric="clicked"] .count').textContent()) ?? ''
  return Number(/\((\d+)\)/.exec(text)?.[1] ?? 0)
}

test.describe('engagement', () => {
  test.use({ locale: 'en-US' })

  test('a welcome email sent through Resend, then delivered, opened and clicked: the timeline and the analytics page show it', async ({ page, browser, uniqueEmail, baseURL }) => {
    test.setTimeout(60_000)
    const admin = await adminPage(browser)
    const before = await clickedCount(admin, 'en')

    const email = uniqueEmail('engaged')
    const userId = await signUpThroughForm(page, { name: 'Engaged Reader', email, password, submit: 'Sign up' })
    await welcomeJourney(await userEvent('user/registered', userId), baseURL!)
    const sent = await resendEmailFor(email, 'welcome')
    const [message] = await mailboxFor(email)
    expect(sent.tags).toContainEqual({ name: 'message', value: message!.id })

    const t0 = Date.now()
    await postResendEvent('email.delivered', sent, { at: new Date(t0 + 1_000) })
    await postResendEvent('email.opened', sent, { at: new Date(t0 + 2_000) })
    await postResendEvent('email.clicked', sent, { at: new Date(t0 + 3_000), link: `${e2eEnv.baseURL}/dashboard?utm_source=welcome` })

    await admin.goto(`/admin/mailbox/${message!.id}`)
    const timeline = admin.getByTestId('message-timeline')
    await expect(timeline.locator('li[data-type]')).toHaveText([/Delivered/, /Opened/, /Clicked · link: .*\/dashboard$/])
    await admin.screenshot({ path: `${screens}/timeline-en.png`, fullPage: true })

    await admin.goto('/admin/analytics?period=7')
    expect(await clickedCount(admin, 'en')).toBe(before + 1)
    await expect(admin.getByTestId('opens-caveat')).toContainText('Apple Mail Privacy Protection')
    await expect(admin.getByTestId('chart-welcome').locator('svg[role="img"]')).toBeVisible()
    await admin.context().close()
  })

  test('a permanent bounce puts the address on the suppression list: no D+3 email; an admin lifts it with a reason', async ({ page, browser, uniqueEmail, baseURL }) => {
    test.setTimeout(60_000)
    const email = uniqueEmail('bounced')
    const userId = await signUpThroughForm(page, { name: 'Bounced Address', email, password, submit: 'Sign up' })
    await confirmEmailInDatabase(email)
    const run = await welcomeJourney(await userEvent('user/registered', userId), baseURL!, async (step) => {
      // After D+1 went out, the mailbox provider says the address does not exist.
      if (step === 'wait-until-day-3') await postResendEvent('email.bounced', await resendEmailFor(email, 'welcome-follow-up'), { bounceMessage: '550 5.1.1 user unknown' })
    })
    expect(run).toMatchObject({ output: { followUp: { sent: true }, day3: { sent: false, reason: 'bounced' }, day7: null } })
    expect((await mailboxFor(email)).map((m) => m.template)).toEqual(['welcome', 'welcome-follow-up'])

    const admin = await adminPage(browser)
    await admin.goto(`/admin/suppressions?q=${encodeURIComponent(email)}`)
    const row = admin.locator(`[data-testid="suppressions"] tr[data-email="${email}"]`)
    await expect(row).toContainText('Bounced')
    await expect(row).toContainText('550 5.1.1 user unknown')
    // A reason is required; then the entry goes, and the lift is on record.
    await row.getByRole('button', { name: `Lift the entry for ${email}` }).click()
    await row.getByRole('textbox').fill('Typo fixed by the user with support')
    await row.getByRole('button', { name: `Lift the entry for ${email}` }).click()
    await expect(admin.getByRole('status')).toContainText(`${email} can get email again`)
    await expect(admin.getByTestId('lifts')).toContainText('Typo fixed by the user with support')
    await admin.context().close()
  })

})

// The admin's session without its saved language: each page in the language its browser asks for.
for (const locale of ['fr-FR', 'en-US', 'es-ES']) {
  const lang = locale.slice(0, 2)
  studioTest.describe(`engagement screens in ${lang}`, () => {
    studioTest('analytics and suppressions, desktop and mobile, reflowing at 320 px, with no serious axe violation', async ({ studioPage }) => {
      studioTest.setTimeout(60_000)
      const violations: Violation[] = []
      const admin = await studioPage(locale)
      for (const [name, path] of [
        ['analytics', '/admin/analytics?period=30'],
        ['suppressions', '/admin/suppressions'],
      ] as const) {
        await admin.goto(path)
        await expect(admin.locator('html')).toHaveAttribute('lang', lang)
        violations.push(...(await axeViolations(admin, `${lang} ${name}`)))
        for (const [width, height] of [
          [1280, 900],
          [375, 800],
        ] as const) {
          await admin.setViewportSize({ width, height })
          await admin.screenshot({ path: `${screens}/${name}-${lang}-${width}.png`, fullPage: true })
        }
        // No sideways scrolling of the page at 320 px (tables scroll inside their own box).
        await admin.setViewportSize({ width: 320, height: 800 })
        expect(await admin.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(320)
      }
      expect(violations, describeViolations(violations)).toEqual([])
    })
  })
}
