import { request as playwrightRequest } from '@playwright/test'
import { e2eEnv } from '../playwright.config'
import { runFunction, type InngestEvent } from '../test/mocks/inngest-executor'
import { confirmEmailInDatabase, signUpThroughForm } from './support/accounts'
import { expect, test } from './support/fixtures'
import { mailboxFor, type MailboxMessage } from './support/mailbox'
import { userEvent } from './support/events'

// The onboarding series end to end: browser signup → outbox → the (loopback) Inngest event API → the
// executor double drives the welcome journey through the app's real /api/inngest, skipping its sleeps,
// and cancels it when a user/unsubscribed or user/deleted for the user reaches the event API (cancelOn,
// read from the app's sync) → emails read from the app's own mailbox.

const password = 'a long enough password'

const summary = (messages: MailboxMessage[]) => messages.map((m) => [m.template, m.locale, m.subject])
const series = (endpoint: string, event: InngestEvent, onSleep?: (step: string) => Promise<void>) =>
  runFunction('courrier-welcome-journey', event, { endpoint, eventApi: e2eEnv.eventApiURL, onSleep })

const journeys = [
  {
    lang: 'fr',
    locale: 'fr-FR',
    name: 'Camille Série',
    submit: "S'inscrire",
    subjects: [
      'Bienvenue sur Courrier, Camille Série',
      'Comment ça se passe, Camille Série\u202f?',
      'Prochaine étape\u00a0: créez votre organisation',
      'Une semaine déjà\u00a0: essayez Courrier gratuitement pendant 14 jours',
    ],
    footer: 'Se désabonner',
  },
  {
    lang: 'en',
    locale: 'en-US',
    name: 'Alex Series',
    submit: 'Sign up',
    subjects: ['Welcome to Courrier, Alex Series', 'How is it going, Alex Series?', 'Your next step: set up your organization', 'One week in: try Courrier free for 14 days'],
    footer: 'Unsubscribe',
  },
  {
    lang: 'es',
    locale: 'es-ES',
    name: 'Lucía Serie',
    submit: 'Registrarse',
    subjects: ['Te damos la bienvenida a Courrier, Lucía Serie', '¿Qué tal te va, Lucía Serie?', 'Tu siguiente paso: crea tu organización', 'Una semana ya: prueba Courrier gratis durante 14 días'],
    footer: 'Darse de baja',
  },
]

for (const j of journeys) {
  test.describe(`onboarding series in ${j.lang}`, () => {
    test.use({ locale: j.locale })

    test('a confirmed user gets D+1, D+3 and D+7 in their language, each with one-click unsubscribe headers', async ({ page, baseURL, uniqueEmail }) => {
      test.setTimeout(60_000)
      const email = uniqueEmail(`series-${j.lang}`)
      const userId = await signUpThroughForm(page, { name: j.name, email, password, submit: j.submit })
      await confirmEmailInDatabase(email)
      const event = await userEvent('user/registered', userId)

      const run = await series(`${baseURL}/api/inngest`, event)
      expect(run).toMatchObject({ status: 'completed', output: { followUp: { sent: true }, day3: { sent: true }, day7: { sent: true } } })
      expect(run.log.filter((l) => l.op === 'Sleep').map((l) => l.step)).toEqual(['wait-24-hours', 'wait-until-day-3', 'wait-until-day-7'])

      const messages = await mailboxFor(email)
      expect(summary(messages)).toEqual([
        ['welcome', j.lang, j.subjects[0]],
        ['welcome-follow-up', j.lang, j.subjects[1]],
        ['onboarding-day-3', j.lang, j.subjects[2]],
        ['onboarding-day-7', j.lang, j.subjects[3]],
      ])
      // Transactional welcome: no unsubscribe. The series: both headers, and the link in the footer.
      expect(messages[0]!.headers['List-Unsubscribe']).toBeUndefined()
      for (const message of messages.slice(1)) {
        expect(message.headers['List-Unsubscribe-Post']).toBe('List-Unsubscribe=One-Click')
        expect(message.headers['List-Unsubscribe']).toMatch(new RegExp(`^<${baseURL}/unsubscribe/[\\w-]+\\.[\\w-]{43}>$`))
        expect(message.text).toContain(j.footer)
        expect(message.text).toContain('10 rue de la Paix, 75002 Paris, France')
      }
    })
  })
}

test.describe('leaving the series', () => {
  test.use({ locale: 'en-US' })

  test('a bare one-click POST (no cookie, as a mail client sends it) after D+1: the run is cancelled, nothing more arrives; the preferences page switches it back on', async ({ page, baseURL, uniqueEmail }) => {
    test.setTimeout(60_000)
    const email = uniqueEmail('one-click')
    const userId = await signUpThroughForm(page, { name: 'Robin Leaves', email, password, submit: 'Sign up' })
    await confirmEmailInDatabase(email)
    const event = await userEvent('user/registered', userId)

    const run = await series(`${baseURL}/api/inngest`, event, async (step) => {
      if (step !== 'wait-until-day-3') return
      const [followUp] = (await mailboxFor(email)).filter((m) => m.template === 'welcome-follow-up')
      const url = /^<([^>]+)>/.exec(followUp!.headers['List-Unsubscribe']!)![1]!
      // A fresh client: no cookie, no Origin, just the RFC 8058 body.
      const mailClient = await playwrightRequest.newContext()
      const started = Date.now()
      const response = await mailClient.post(url, { headers: { 'Content-Type': 'application/x-www-form-urlencoded' }, data: 'List-Unsubscribe=One-Click', maxRedirects: 0 })
      expect(response.status()).toBe(200)
      expect(Date.now() - started).toBeLessThan(2_000)
      await mailClient.dispose()
      await userEvent('user/unsubscribed', userId)
    })
    expect(run).toMatchObject({ status: 'cancelled', by: { name: 'user/unsubscribed', data: { userId, topic: 'onboarding' } } })
    expect((await mailboxFor(email)).map((m) => m.template)).toEqual(['welcome', 'welcome-follow-up'])

    // The link itself, opened in a browser: the page confirms, and a GET changed nothing more.
    const followUp = (await mailboxFor(email)).find((m) => m.template === 'welcome-follow-up')!
    const link = /^<([^>]+)>/.exec(followUp.headers['List-Unsubscribe']!)![1]!
    await page.goto(link)
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('You are unsubscribed')
    await expect(page.getByRole('button', { name: 'Undo: keep receiving them' })).toBeVisible()

    // The preferences page shows it off, and switches it back on.
    await page.goto('/settings/notifications')
    const box = page.getByRole('checkbox', { name: 'Onboarding tips' })
    await expect(box).not.toBeChecked()
    await box.check()
    await page.getByRole('button', { name: 'Save my preferences' }).click()
    await expect(page.getByRole('status')).toHaveText('Your preferences are saved.')
    await page.reload()
    await expect(page.getByRole('checkbox', { name: 'Onboarding tips' })).toBeChecked()
    // The old link can no longer undo: it shows the unsubscribe button again (subscribed now).
    await page.goto(link)
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('Unsubscribe from these emails?')
  })

  test('deleting the account after D+1 cancels the run; the confirmation goes to the address', async ({ page, baseURL, uniqueEmail }) => {
    test.setTimeout(60_000)
    const email = uniqueEmail('deletes')
    const userId = await signUpThroughForm(page, { name: 'Sam Deletes', email, password, submit: 'Sign up' })
    await confirmEmailInDatabase(email)
    const event = await userEvent('user/registered', userId)

    const run = await series(`${baseURL}/api/inngest`, event, async (step) => {
      if (step !== 'wait-until-day-3') return
      await page.goto('/settings/account')
      await page.getByLabel('Confirm with your password').fill(password)
      await page.getByRole('button', { name: 'Delete my account for good' }).click()
      await expect(page).toHaveURL(/\/account-deleted$/)
      await userEvent('user/deleted', userId)
    })
    expect(run).toMatchObject({ status: 'cancelled', by: { name: 'user/deleted', data: { userId } } })
    const deleted = await userEvent('user/deleted', userId)
    expect(Object.keys(deleted.data)).toEqual(['userId'])
    const confirmation = await runFunction('courrier-send-account-deleted', deleted, { endpoint: `${baseURL}/api/inngest` })
    expect(confirmation).toMatchObject({ status: 'completed', output: { sent: true } })
    // The sent-email records lost the address; only the confirmation, sent after, carries it.
    expect((await mailboxFor(email)).map((m) => [m.template, m.subject])).toEqual([['account-deleted', 'Your Courrier account has been deleted']])
    // Signed out: the settings lead to the sign-in page.
    await page.goto('/settings/account')
    await expect(page).toHaveURL(/\/login/)
  })
})
