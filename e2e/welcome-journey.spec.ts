import { expect, test } from './support/fixtures'
import { runFunction } from '../test/mocks/inngest-executor'
import { mailboxFor, type MailboxMessage } from './support/mailbox'
import { confirmEmailInDatabase, signedInUserId } from './support/accounts'
import { userEvent } from './support/events'

// Browser signup → outbox → the event reaches the (loopback) Inngest event API → an executor test double
// drives the welcome function through the app's real /api/inngest → the emails land in the local mailbox.

const password = 'a long enough password'

const journeys = [
  {
    lang: 'es',
    locale: 'es-ES',
    name: 'Lucía Fernández',
    submit: 'Registrarse',
    welcome: 'Te damos la bienvenida a Courrier, Lucía Fernández',
    followUp: '¿Qué tal te va, Lucía Fernández?',
    followUpText: 'Tres consejos para empezar',
    dashboard: 'Panel',
  },
  {
    lang: 'fr',
    locale: 'fr-FR',
    name: 'Camille Martin',
    submit: "S'inscrire",
    welcome: 'Bienvenue sur Courrier, Camille Martin',
    followUp: 'Comment ça se passe, Camille Martin\u202f?',
    followUpText: 'Trois conseils pour bien commencer',
    dashboard: 'Tableau de bord',
  },
]

const summary = (messages: MailboxMessage[]) => messages.map((m) => [m.template, m.locale, m.subject])

for (const j of journeys) {
  test.describe(`welcome journey in ${j.lang}`, () => {
    test.use({ locale: j.locale })

    test('signup → welcome email at once → follow-up after the sleep, in the language of the signup', async ({ page, baseURL, uniqueEmail }) => {
      const email = uniqueEmail(`journey-${j.lang}`)
      await page.goto('/signup')
      await page.locator('input[name="name"]').fill(j.name)
      await page.locator('input[name="email"]').fill(email)
      await page.locator('input[name="password"]').fill(password)
      await page.getByRole('button', { name: j.submit }).click()
      await expect(page).toHaveURL(/\/dashboard$/)

      const event = await userEvent('user/registered', await signedInUserId(page))
      // The follow-up (D+1) is lifecycle email: only for a confirmed address (the onboarding spec covers the rest of the series).
      await confirmEmailInDatabase(email)
      // Ids only: the steps read the address, name and language when they send.
      expect(Object.keys(event.data)).toEqual(['userId'])
      expect(await mailboxFor(email)).toEqual([])

      // Each step's first answer is "lost", so every send runs twice, as after a timeout.
      let whileAsleep: MailboxMessage[] = []
      const run = await runFunction('courrier-welcome-journey', event, {
        endpoint: `${baseURL}/api/inngest`,
        loseFirstResponseOfEachStep: true,
        onSleep: async (step) => {
          if (step === 'wait-24-hours') whileAsleep = await mailboxFor(email)
        },
      })
      expect(run).toMatchObject({ status: 'completed', output: { welcome: { sent: true }, followUp: { sent: true } } })
      expect(run.log.filter((l) => l.op === 'Sleep').map((l) => l.step)).toEqual(['wait-24-hours', 'wait-until-day-3', 'wait-until-day-7'])

      // While the run sleeps, only the welcome email exists.
      expect(summary(whileAsleep)).toEqual([['welcome', j.lang, j.welcome]])

      // After the sleep, the follow-up; each sent once although each step ran twice.
      const messages = (await mailboxFor(email)).slice(0, 2)
      expect(summary(messages)).toEqual([
        ['welcome', j.lang, j.welcome],
        ['welcome-follow-up', j.lang, j.followUp],
      ])
      expect(messages.every((m) => m.eventId === event.id && m.from === 'Courrier <hello@courrier.test>')).toBe(true)
      expect(messages[1]!.text).toContain(j.followUpText)

      // The follow-up's call to action leads back to the dashboard.
      const link = messages[1]!.text.match(/https?:\/\/\S+\/dashboard/)?.[0]
      expect(link).toBe(`${baseURL}/dashboard`)
      await page.goto(link!)
      await expect(page.getByRole('heading', { level: 1 })).toHaveText(j.dashboard)
    })
  })
}

test.describe('the same event delivered twice', () => {
  test.use({ locale: 'es-ES' })

  test('runs twice but sends each email once', async ({ page, baseURL, uniqueEmail }) => {
    const email = uniqueEmail('journey-twice')
    await page.goto('/signup')
    await page.locator('input[name="name"]').fill('Dos Veces')
    await page.locator('input[name="email"]').fill(email)
    await page.locator('input[name="password"]').fill(password)
    await page.getByRole('button', { name: 'Registrarse' }).click()
    await expect(page).toHaveURL(/\/dashboard$/)
    const event = await userEvent('user/registered', await signedInUserId(page))
    await confirmEmailInDatabase(email)

    for (let i = 0; i < 2; i++) {
      const run = await runFunction('courrier-welcome-journey', event, { endpoint: `${baseURL}/api/inngest` })
      expect(run.status).toBe('completed')
    }
    expect((await mailboxFor(email)).map((m) => m.template)).toEqual(['welcome', 'welcome-follow-up', 'onboarding-day-3', 'onboarding-day-7'])
  })
})
