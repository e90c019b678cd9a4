import type { Page, Response } from '@playwright/test'
import { e2eEnv } from '../playwright.config'
import { expect, test } from './support/fixtures'
import { signedInUserId } from './support/accounts'

const password = 'a long enough password'

async function fillSignup(page: Page, fields: { name: string; email: string; password: string }) {
  await page.locator('input[name="name"]').fill(fields.name)
  await page.locator('input[name="email"]').fill(fields.email)
  await page.locator('input[name="password"]').fill(fields.password)
}

const languages = [
  { lang: 'fr', header: 'fr-FR,fr;q=0.9', title: 'Créer votre compte', submit: "S'inscrire", welcome: 'Bienvenue' },
  { lang: 'en', header: 'en-US,en;q=0.9', title: 'Create your account', submit: 'Sign up', welcome: 'Welcome' },
  { lang: 'es', header: 'es-ES,es;q=0.9', title: 'Crea tu cuenta', submit: 'Registrarse', welcome: 'Bienvenido' },
]

for (const l of languages) {
  test(`signs up in ${l.lang} and lands on the dashboard; the event reaches Inngest once`, async ({ browser, baseURL, uniqueEmail }) => {
    const context = await browser.newContext({ baseURL, locale: l.header.split(',')[0], extraHTTPHeaders: { 'X-Forwarded-For': `192.0.2.${l.lang.charCodeAt(0)}` } })
    const page = await context.newPage()
    await page.goto('/signup')
    await expect(page.locator('html')).toHaveAttribute('lang', l.lang)
    await expect(page.getByRole('heading', { level: 1 })).toHaveText(l.title)
    const email = uniqueEmail(l.lang)
    await fillSignup(page, { name: `Test ${l.lang}`, email, password })
    await page.getByRole('button', { name: l.submit }).click()
    await expect(page).toHaveURL(/\/dashboard$/)
    await expect(page.getByTestId('welcome')).toContainText(l.welcome)

    // The outbox relays user/registered to the event API (here a loopback test double), exactly once:
    // the user's id only (their name, address and language are read when an email is sent).
    const userId = await signedInUserId(page)
    await expect
      .poll(async () => {
        const received = (await (await fetch(`${e2eEnv.eventApiURL}/_received`)).json()) as Array<{ id: string; name: string; data: { userId: string } }>
        return received.filter((e) => e.data.userId === userId)
      })
      .toEqual([expect.objectContaining({ name: 'user/registered', id: expect.any(String), data: { userId } })])
    await context.close()
  })
}

test.describe('bad input gets a message in the page language, next to the field', () => {
  const cases = [
    { name: 'invalid email', fields: { email: 'camille@' }, field: 'email', fr: 'Veuillez saisir une adresse e-mail valide.' },
    { name: 'short password', fields: { password: 'court' }, field: 'password', fr: 'Votre mot de passe doit comporter au moins 10 caractères.' },
    { name: 'over-long password', fields: { password: 'x'.repeat(129) }, field: 'password', fr: 'Votre mot de passe doit comporter au plus 128 caractères.' },
    { name: 'empty name', fields: { name: ' ' }, field: 'name', fr: 'Veuillez saisir votre nom.' },
    { name: 'over-long name', fields: { name: 'N'.repeat(101) }, field: 'name', fr: 'Votre nom doit comporter au plus 100 caractères.' },
  ]
  test.use({ locale: 'fr-FR' })
  for (const c of cases) {
    test(c.name, async ({ page, uniqueEmail }) => {
        await page.goto('/signup')
      const typed = { name: 'Camille', email: uniqueEmail(), password, ...c.fields }
      await fillSignup(page, typed)
      await page.getByRole('button', { name: "S'inscrire" }).click()
      await expect(page.locator(`[data-field-error="${c.field}"]`)).toHaveText(c.fr)
      // What was typed is kept, except the password.
      await expect(page.locator('input[name="name"]')).toHaveValue(typed.name)
      await expect(page.locator('input[name="email"]')).toHaveValue(typed.email)
      await expect(page.locator('input[name="password"]')).toHaveValue('')
      await expect(page).toHaveURL(/\/signup$/)
    })
  }

  test('an email already taken', async ({ page, browser, baseURL, uniqueEmail }) => {
    const email = uniqueEmail('taken')
    const other = await browser.newContext({ baseURL, extraHTTPHeaders: { 'X-Forwarded-For': '192.0.2.200' } })
    const first = await other.newPage()
    await first.goto('/signup')
    await fillSignup(first, { name: 'First', email, password })
    await first.locator('button[type="submit"]').last().click()
    await expect(first).toHaveURL(/\/dashboard$/)
    await other.close()

    await page.goto('/signup')
    await fillSignup(page, { name: 'Second', email, password })
    await page.getByRole('button', { name: "S'inscrire" }).click()
    await expect(page.locator('[data-field-error="email"]')).toHaveText('Un compte existe déjà avec cette adresse e-mail.')
  })

  test('a form posted from another site', async ({ page, uniqueEmail }) => {
    // A page on another origin that auto-posts to our signup, as a CSRF attempt would.
    await page.route('http://attacker.test/', (route) =>
      route.fulfill({
        contentType: 'text/html',
        body: `<form method="post" action="${test.info().project.use.baseURL}/signup"><input name="name" value="X"><input name="email" value="${uniqueEmail()}"><input name="password" value="${password}"></form><script>document.forms[0].submit()</script>`,
      }),
    )
    const response = page.waitForResponse((r) => r.url().endsWith('/signup') && r.request().method() === 'POST')
    await page.goto('http://attacker.test/')
    expect((await response).status()).toBe(403)
    await expect(page.locator('[data-field-error="form"]')).toHaveText('Ce formulaire a été envoyé depuis un autre site et a été refusé.')
  })

  test('a filled honeypot', async ({ page, uniqueEmail }) => {
    await page.goto('/signup')
    await fillSignup(page, { name: 'Bot', email: uniqueEmail('bot'), password })
    await page.locator('input[name="website"]').fill('http://spam.example', { force: true })
    await page.getByRole('button', { name: "S'inscrire" }).click()
    await expect(page.locator('[data-field-error="form"]')).toHaveText("Ce formulaire n'a pas pu être envoyé. Veuillez réessayer.")
  })

  test('too many attempts in a minute', async ({ page }) => {
    await page.goto('/signup')
    // RATE_LIMIT_PER_MINUTE is 5 for the e2e server; the sixth attempt from this address is refused.
    let last: Response | undefined
    for (let i = 0; i < 6; i++) {
      await fillSignup(page, { name: 'Camille', email: 'not-an-email', password })
      const answered = page.waitForResponse((r) => r.request().method() === 'POST' && r.url().includes('/signup'))
      await page.getByRole('button', { name: "S'inscrire" }).click()
      last = await answered
      await expect(page.locator('[data-field-error]').first()).toBeVisible()
    }
    expect(last!.status()).toBe(429)
    expect(Number(await last!.headerValue('retry-after'))).toBeGreaterThan(0)
    await expect(page.locator('[data-field-error="form"]')).toHaveText('Trop de tentatives. Veuillez patienter une minute avant de réessayer.')
  })
})

test.describe('session and language', () => {
  test.use({ locale: 'en-US' })
  test('logs out and back in; the chosen language is kept after signing in again', async ({ page, browser, baseURL, uniqueEmail }) => {
  const email = uniqueEmail('switch')
  await page.goto('/signup')
  await fillSignup(page, { name: 'Switcher', email, password })
  await page.getByRole('button', { name: 'Sign up' }).click()
  await expect(page).toHaveURL(/\/dashboard$/)
  // A plain user is not shown the studio.
  await expect(page.locator('header nav a[href="/admin/emails"]')).toHaveCount(0)

  // Switch to Spanish while signed in: saved in a cookie and on the profile.
  await page.getByTestId('language-menu').locator('summary').click()
  await page.getByRole('button', { name: 'Español', exact: true }).click()
  await expect(page.locator('html')).toHaveAttribute('lang', 'es')
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Panel')

  await page.getByRole('button', { name: 'Cerrar sesión' }).click()
  await expect(page).toHaveURL(/\/$/)
  await page.goto('/dashboard')
  await expect(page).toHaveURL(/\/login\?redirectTo=%2Fdashboard$/)

  // A fresh browser that asks for English: signing in brings the saved Spanish back.
  const fresh = await browser.newContext({ baseURL, locale: 'en-US', extraHTTPHeaders: { 'X-Forwarded-For': '192.0.2.77' } })
  const other = await fresh.newPage()
  await other.goto('/login')
  await expect(other.locator('html')).toHaveAttribute('lang', 'en')
  await other.locator('input[name="email"]').fill(email)
  await other.locator('input[name="password"]').fill('wrong password!')
  await other.getByRole('button', { name: 'Log in' }).click()
  await expect(other.locator('[data-field-error="form"]')).toHaveText('This email and password do not match an account.')
  await other.locator('input[name="password"]').fill(password)
  await other.getByRole('button', { name: 'Log in' }).click()
  await expect(other).toHaveURL(/\/dashboard$/)
  await expect(other.locator('html')).toHaveAttribute('lang', 'es')
  await fresh.close()
})
})
