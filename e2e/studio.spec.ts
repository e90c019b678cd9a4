import type { APIRequestContext, Browser } from '@playwright/test'
import { LOCALES } from '../app/i18n/locales'
import { expect, test } from './support/fixtures'
import { mailboxFor, seededAdmin, signIn, signInAsSeededAdmin, signUpPlainUser } from './support/studio'

const TEMPLATES = [
  'welcome',
  'welcome-follow-up',
  'onboarding-day-3',
  'onboarding-day-7',
  'subscription-created',
  'trial-reminder',
  'invitation',
  'password-reset',
  'password-changed',
  'activation-reminder',
  'email-confirmation',
  'account-deleted',
  'payment-failed',
  'subscription-canceled',
]
const LIFECYCLE = new Set(['welcome-follow-up', 'onboarding-day-3', 'onboarding-day-7'])

test.describe('the email studio, as a marketer uses it', () => {
  test.use({ locale: 'en-US' })

  test('every template in three languages, checked, with lazy thumbnails', async ({ page }, testInfo) => {
    // Fourteen templates, 42 cells of nine checks each: more than the default 30 s on a shared machine.
    test.setTimeout(180_000)
    await page.setViewportSize({ width: 1400, height: 1000 })
    // Signed in on the light overview: the grid renders 30 cells, which on a loaded machine outlasts
    // the sign-in's five-second URL check; page.goto waits for it as long as the test allows.
    await signInAsSeededAdmin(page, '/admin')
    await page.goto('/admin/emails')
    // Studio users find the studio in the site header.
    await expect(page.locator('header nav a[href="/admin/emails"]')).toBeVisible()
    const grid = page.getByTestId('email-grid')
    await expect(grid.locator('.grid-row')).toHaveCount(TEMPLATES.length)
    // Every cell read in one pass over the server-rendered grid (a locator round trip per check was
    // most of this test on a loaded machine), then the same checks on what was read.
    const cells = await grid.locator('.grid-row').evaluateAll((rows) =>
      rows.map((row) => ({
        template: row.getAttribute('data-template'),
        category: row.querySelector('[data-testid="category"]')?.textContent?.replace(/\s+/g, ' ').trim() ?? null,
        cells: [...row.querySelectorAll('.cell[data-locale]')].map((cell) => ({
          locale: cell.getAttribute('data-locale'),
          lang: cell.getAttribute('lang'),
          subjectLang: cell.querySelector('[data-testid="subject"]')?.getAttribute('lang') ?? null,
          subject: cell.querySelector('[data-testid="subject"]')?.textContent?.trim() ?? '',
          badges: [...cell.querySelectorAll('.badge')].map((b) => ({ check: b.getAttribute('data-check'), status: b.getAttribute('data-status') })),
          linkFinding: cell.querySelector('[data-testid="check-findings"] li[data-check="links"]')?.textContent ?? '',
          frameLoading: cell.querySelector('iframe')?.getAttribute('loading') ?? null,
        })),
      })),
    )
    for (const template of TEMPLATES) {
      const row = cells.find((r) => r.template === template)
      expect(row, `${template} has a row`).toBeDefined()
      // Each template's category, as the registry declares it.
      expect(row!.category).toBe(LIFECYCLE.has(template) ? 'Lifecycle · onboarding series' : 'Transactional')
      const subjects: string[] = []
      for (const locale of LOCALES) {
        const cell = row!.cells.find((c) => c.locale === locale)
        expect(cell, `${template}/${locale} has a cell`).toBeDefined()
        // The cell is in the interface's language; only the email's own words carry the email's.
        expect(cell!.lang).toBeNull()
        expect(cell!.subjectLang).toBe(locale)
        expect(cell!.subject, `${template}/${locale} has a subject`).not.toBe('')
        subjects.push(cell!.subject)
        // Nine checks per cell. The e2e server runs in production with APP_URL on localhost, so the
        // links check rightly fails (links to localhost in production); nothing else may.
        const status = (check: string) => cell!.badges.find((b) => b.check === check)?.status
        expect(cell!.badges, `${template}/${locale}`).toHaveLength(9)
        expect(status('semantics')).toBe('pass')
        expect(status('headers')).toBe('pass')
        expect(status('sender')).toBe('pass')
        expect(
          cell!.badges.filter((b) => b.status === 'fail' && b.check !== 'links'),
          `${template}/${locale}`,
        ).toEqual([])
        expect(status('links')).toBe('fail')
        // What a check found is in a disclosure a keyboard opens, not in a tooltip.
        expect(cell!.linkFinding).toMatch(/localhost:\d+/)
        expect(cell!.frameLoading).toBe('lazy')
      }
      expect(new Set(subjects).size, `${template}: one subject per language`).toBe(3)
    }
    // A thumbnail is the real email, served with its own restrictive CSP, once scrolled into view.
    const frame = grid.locator('.grid-row[data-template="invitation"] .cell[data-locale="es"] iframe')
    await frame.scrollIntoViewIfNeeded()
    await expect(page.frameLocator('.grid-row[data-template="invitation"] .cell[data-locale="es"] iframe').locator('body')).toContainText('Atelier Dupont')
    await page.evaluate(() => window.scrollTo(0, 0))
    await expect(page.frameLocator('.grid-row[data-template="welcome"] .cell[data-locale="fr"] iframe').locator('a').first()).toBeVisible()
    await page.screenshot({ path: testInfo.outputPath('grid.png') })
    await testInfo.attach('grid', { path: testInfo.outputPath('grid.png'), contentType: 'image/png' })
    const preview = await page.request.get('/admin/emails/invitation/preview?locale=es')
    expect(preview.headers()['content-security-policy']).toContain("default-src 'none'")
  })

  test('switches language, sample and width; views the text, source and envelope', async ({ page }) => {
    await signIn(page, seededAdmin, '/admin/emails/welcome?locale=en&sample=new-user-en')
    await expect(page.getByTestId('detail-subject')).toHaveText('Welcome to Courrier, Alex Morgan')
    await page.getByTestId('locale-switcher').getByRole('link', { name: 'FR' }).click()
    await expect(page).toHaveURL(/locale=fr/)
    await expect(page.getByTestId('detail-subject')).toHaveText('Bienvenue sur Courrier, Alex Morgan')
    await expect(page.frameLocator('[data-testid="email-frame"]').locator('body')).toContainText('Alex Morgan')

    await page.getByTestId('sample-switcher').getByRole('link', { name: 'new-user-es-long-name' }).click()
    await expect(page.getByTestId('detail-subject')).toContainText('María de los Ángeles')
    await expect(page).toHaveURL(/locale=fr&sample=new-user-es-long-name/)

    await page.getByTestId('width-switcher').getByRole('link', { name: 'Mobile' }).click()
    await expect(page).toHaveURL(/width=mobile/)
    await expect(page.getByTestId('email-frame')).toHaveAttribute('width', '375')
    expect(await page.getByTestId('email-frame').evaluate((frame) => frame.clientWidth)).toBe(375)

    await page.getByTestId('tab-switcher').getByRole('link', { name: 'Plain text' }).click()
    await expect(page.getByTestId('plain-text')).toContainText('María de los Ángeles')
    await page.getByTestId('tab-switcher').getByRole('link', { name: 'HTML source' }).click()
    await expect(page.getByTestId('html-source')).toContainText('<html')
    await page.getByTestId('tab-switcher').getByRole('link', { name: 'Envelope' }).click()
    await expect(page.getByTestId('envelope')).toContainText('hello@courrier.test')
    await expect(page.getByTestId('envelope')).toContainText('X-Entity-Ref-ID')
    // A transactional email offers no unsubscribe; a lifecycle one shows both headers.
    await expect(page.getByTestId('envelope')).not.toContainText('List-Unsubscribe')
    // The URL alone reproduces the view.
    const url = page.url()
    await page.goto(url)
    await expect(page.getByTestId('plain-text').or(page.getByTestId('envelope'))).toBeVisible()
    await expect(page.getByTestId('detail-subject')).toContainText('Bienvenue')

    await page.goto('/admin/emails/onboarding-day-3?locale=en&sample=day-3-owner-alone-en&tab=envelope')
    await expect(page.getByTestId('category')).toHaveText('Lifecycle · onboarding series')
    await expect(page.getByTestId('envelope').locator('tr', { hasText: 'List-Unsubscribe-Post' })).toContainText('List-Unsubscribe=One-Click')
    await expect(page.getByTestId('envelope')).toContainText(/List-Unsubscribe<http:\/\/localhost:\d+\/unsubscribe\/[\w-]+\.[\w-]{43}>/)
  })

  test('edited sample data: a valid edit re-renders, an invalid one shows the schema message and keeps the last good render', async ({ page }) => {
    await signInAsSeededAdmin(page, '/admin/emails/welcome?locale=en&sample=new-user-en')
    const editor = page.locator('#sample-data')
    const sample = JSON.parse(await editor.inputValue()) as Record<string, string>
    await editor.fill(JSON.stringify({ ...sample, userName: 'Zoé Martin' }, null, 2))
    await page.getByRole('button', { name: 'Preview with this data' }).click()
    await expect(page.getByTestId('detail-subject')).toHaveText('Welcome to Courrier, Zoé Martin')

    await editor.fill(JSON.stringify({ ...sample, userId: '', userName: 'Zoé Martin' }, null, 2))
    await page.getByRole('button', { name: 'Preview with this data' }).click()
    await expect(page.getByTestId('data-error')).toContainText('userId')
    await expect(page.getByTestId('data-error')).toContainText(/too small/i)
    await expect(editor).toHaveValue(/"userId": ""/)
    await expect(page.getByTestId('detail-subject')).toHaveText('Welcome to Courrier, Zoé Martin')

    await editor.fill('{ "userName": ')
    await page.getByRole('button', { name: 'Preview with this data' }).click()
    await expect(page.getByTestId('data-error')).toContainText('JSON')
    await expect(page.getByTestId('detail-subject')).toHaveText('Welcome to Courrier, Zoé Martin')
  })

  test('sends a test email and finds it in the mailbox, in the page and as JSON', async ({ page, uniqueEmail }) => {
    await signInAsSeededAdmin(page, '/admin/emails/subscription-created?locale=es&sample=trial-starter-en')
    const to = uniqueEmail('test-send')
    await page.getByLabel('Send to').fill(to)
    await page.getByRole('button', { name: /Send this email/ }).click()
    await expect(page.getByTestId('send-result')).toContainText(to)

    await page.goto(`/admin/mailbox?to=${encodeURIComponent(to)}`)
    const rows = page.getByTestId('mailbox').locator('tbody tr')
    await expect(rows).toHaveCount(1)
    await expect(rows.first()).toContainText('subscription-created')
    await rows.first().getByRole('link').first().click()
    await expect(page.getByTestId('message-to')).toHaveText(to)
    await expect(page.getByTestId('message-subject')).toContainText('Starter')
    await expect(page.frameLocator('iframe.email-frame').locator('body')).toContainText('Alex Morgan')

    const [email] = await mailboxFor(page.request, to)
    expect(email).toMatchObject({
      to,
      template: 'subscription-created',
      locale: 'es',
      headers: { 'X-Entity-Ref-ID': expect.stringContaining('subscription-created/studio-test-') },
    })
    expect(email!.subject).toContain('suscripción')
    expect(email!.text).toContain('Alex Morgan')

    // A second test send is a second message: every message is kept.
    await page.goBack()
    await page.goto('/admin/emails/subscription-created?locale=fr&sample=trial-starter-en')
    await page.getByLabel('Send to').fill(to)
    await page.getByRole('button', { name: /Send this email/ }).click()
    await expect(page.getByTestId('send-result')).toContainText(to)
    const both = await mailboxFor(page.request, to)
    expect(both.map((m) => m.locale)).toEqual(['fr', 'es'])
  })

  test('"Send this event" goes through the outbox to the event API, and shows in the overview', async ({ page }) => {
    await signInAsSeededAdmin(page, '/admin/emails/welcome?locale=en&sample=new-user-en')
    await page.getByRole('button', { name: 'Send this event' }).click()
    const link = page.getByTestId('emit-result').getByRole('link')
    await expect(link).toBeVisible()
    const eventId = (await link.textContent())!.trim()
    await link.click()
    await expect(page).toHaveURL(new RegExp(`/admin/events/${eventId}$`))
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('user/registered')
    await expect(page.locator('pre.json')).toContainText('usr_sample_en')
    await page.goto('/admin')
    await expect(page.getByTestId('outbox').locator('tr', { hasText: eventId })).toBeVisible()
  })
})

// Every email as its reader sees it, in each language at an email's usual width and a phone's: the one
// place the suite shoots emails (a new template is in it without asking), for a person to look at.
for (const locale of LOCALES) {
  test(`a screenshot of every template in ${locale}, desktop and mobile`, async ({ page }, testInfo) => {
    test.setTimeout(120_000)
    await signInAsSeededAdmin(page)
    for (const template of TEMPLATES) {
      // The rendering the grid's thumbnails frame, as its own page, loaded once and shot at both widths.
      await page.setViewportSize({ width: 680, height: 900 })
      await page.goto(`/admin/emails/${template}/preview?locale=${locale}`)
      await expect(page.locator('a').first()).toBeVisible()
      for (const [size, width] of [
        ['desktop', 680],
        ['mobile', 375],
      ] as const) {
        await page.setViewportSize({ width, height: 900 })
        const path = testInfo.outputPath(`${template}-${locale}-${size}.png`)
        await page.screenshot({ path, fullPage: true })
        await testInfo.attach(`${template}-${locale}-${size}`, { path, contentType: 'image/png' })
      }
    }
  })
}

test.describe('access control', () => {
  test.use({ locale: 'fr-FR' })

  /** A real message and event, so a missing guard would show real data rather than a 404. */
  async function realIds(browser: Browser, baseURL: string | undefined) {
    const context = await browser.newContext({ baseURL, extraHTTPHeaders: { 'X-Forwarded-For': '192.0.2.150' } })
    const page = await context.newPage()
    await signInAsSeededAdmin(page, '/admin/emails/welcome?locale=en')
    const to = `guard-${Date.now()}@example.com`
    await page.getByLabel('Send to').fill(to)
    await page.getByRole('button', { name: /Send this email/ }).click()
    await expect(page.getByTestId('send-result')).toBeVisible()
    const [message] = await mailboxFor(page.request, to)
    await context.close()
    return { messageId: message!.id, eventId: message!.eventId! }
  }

  function pages(ids: { messageId: string; eventId: string }) {
    return [
      '/admin',
      '/admin?status=failed',
      '/admin/emails',
      '/admin/emails/welcome?locale=fr',
      '/admin/emails/invitation?tab=source',
      '/admin/mailbox',
      `/admin/mailbox/${ids.messageId}`,
      `/admin/events/${encodeURIComponent(ids.eventId)}`,
      '/admin/team',
    ]
  }
  const resources = (ids: { messageId: string }) => ['/admin/emails/welcome/preview?locale=fr', `/admin/mailbox/${ids.messageId}/html`, '/admin/mailbox.json']
  const sampleData = JSON.stringify({ userId: 'usr_x', userName: 'Intrus' })
  const actions = (victim: string): Array<{ path: string; form: Record<string, string> }> => [
    { path: '/admin/emails/welcome', form: { intent: 'send-test', to: victim, locale: 'fr', sample: 'new-user-fr', data: sampleData } },
    { path: '/admin/emails/welcome', form: { intent: 'emit', locale: 'fr', sample: 'new-user-fr', data: sampleData } },
    { path: '/admin/emails/welcome', form: { intent: 'preview', locale: 'fr', sample: 'new-user-fr', data: sampleData, lastGood: sampleData } },
    { path: '/admin/team', form: { intent: 'grant', email: victim } },
    { path: '/admin/team', form: { intent: 'revoke', email: seededAdmin.email } },
  ]

  async function post(request: APIRequestContext, baseURL: string, path: string, form: Record<string, string>) {
    return request.post(path, { form, headers: { Origin: baseURL }, maxRedirects: 0 })
  }

  test('an anonymous visitor is sent to the login page from every page, and refused every resource and action', async ({ page, browser, baseURL, uniqueEmail }) => {
    const ids = await realIds(browser, baseURL)
    for (const path of pages(ids)) {
      const response = await page.request.get(path, { maxRedirects: 0 })
      expect(response.status(), path).toBe(302)
      expect(response.headers().location, path).toBe(`/login?redirectTo=${encodeURIComponent(path)}`)
    }
    for (const path of resources(ids)) {
      const response = await page.request.get(path, { maxRedirects: 0 })
      expect(response.status(), path).toBe(401)
      expect(await response.text(), path).not.toContain('<html')
    }
    const victim = uniqueEmail('victim')
    for (const { path, form } of actions(victim)) {
      const response = await post(page.request, baseURL!, path, form)
      expect(response.status(), `POST ${path} ${form.intent}`).toBe(302)
      expect(response.headers().location).toMatch(/^\/login\?redirectTo=/)
    }
    // And the browser comes back to where it was going after signing in.
    await page.goto('/admin/mailbox')
    await expect(page).toHaveURL(/\/login\?redirectTo=%2Fadmin%2Fmailbox$/)
    await page.locator('input[name="email"]').fill(seededAdmin.email)
    await page.locator('input[name="password"]').fill(seededAdmin.password)
    await page.locator('form button[type="submit"]').last().click()
    await expect(page).toHaveURL(/\/admin\/mailbox$/)
    expect(await mailboxFor(page.request, victim)).toEqual([])
  })

  test('a signed-in user without a studio role gets a 403 in their language everywhere, and changes nothing', async ({ page, browser, baseURL, uniqueEmail }) => {
    const ids = await realIds(browser, baseURL)
    const user = await signUpPlainUser(page, uniqueEmail('plain'))
    for (const path of pages(ids)) {
      const response = await page.request.get(path, { maxRedirects: 0, headers: { 'Accept-Language': 'fr-FR,fr;q=0.9' } })
      expect(response.status(), path).toBe(403)
      // React escapes the apostrophe in the server-rendered page.
      expect(await response.text(), path).toContain('avez pas accès à cette page.')
    }
    for (const path of resources(ids)) {
      const response = await page.request.get(path, { maxRedirects: 0 })
      expect(response.status(), path).toBe(403)
      expect(await response.text(), path).not.toContain(ids.messageId)
    }
    const victim = uniqueEmail('victim')
    for (const { path, form } of actions(victim)) {
      const response = await post(page.request, baseURL!, path, form)
      expect(response.status(), `POST ${path} ${form.intent}`).toBe(403)
    }
    await page.goto('/admin/emails')
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('Accès refusé')
    await expect(page.locator('main')).toContainText("Vous n'avez pas accès à cette page.")
    // Nothing the actions asked for happened: no role, no email to the victim.
    await page.goto('/admin/team')
    await expect(page.locator('main')).toContainText("Vous n'avez pas accès à cette page.")
    const adminContext = await browser.newContext({ baseURL, extraHTTPHeaders: { 'X-Forwarded-For': '192.0.2.152' } })
    const admin = await adminContext.newPage()
    await signInAsSeededAdmin(admin, '/admin/team')
    await expect(admin.getByTestId('team')).not.toContainText(user.email)
    expect(await mailboxFor(admin.request, victim)).toEqual([])
    await adminContext.close()
  })

  test('an admin gives and takes the marketer role; a marketer uses the studio but not the team page', async ({ page, browser, baseURL, uniqueEmail }) => {
    const user = await signUpPlainUser(page, uniqueEmail('marketer'))
    expect((await page.request.get('/admin/emails', { maxRedirects: 0 })).status()).toBe(403)

    const adminContext = await browser.newContext({ baseURL, locale: 'en-US', extraHTTPHeaders: { 'X-Forwarded-For': '192.0.2.151' } })
    const admin = await adminContext.newPage()
    await signInAsSeededAdmin(admin, '/admin/team')
    await admin.getByLabel('Email').fill(user.email)
    await admin.getByRole('button', { name: 'Make marketer' }).click()
    await expect(admin.getByRole('status')).toContainText(`${user.email} is now a marketer.`)
    await expect(admin.getByTestId('team')).toContainText(user.email)

    await page.goto('/admin/emails')
    await expect(page.getByTestId('email-grid')).toBeVisible()
    expect((await page.request.get('/admin/team', { maxRedirects: 0 })).status()).toBe(403)
    await expect(page.getByRole('navigation', { name: 'Studio' }).getByRole('link', { name: 'Équipe' })).toHaveCount(0)

    await admin.getByTestId('team').locator('tr', { hasText: user.email }).getByRole('button').click()
    await expect(admin.getByRole('status')).toContainText(`${user.email} is no longer a marketer.`)
    expect((await page.request.get('/admin/emails', { maxRedirects: 0 })).status()).toBe(403)

    await admin.getByLabel('Email').fill('nobody-here@example.com')
    await admin.getByRole('button', { name: 'Make marketer' }).click()
    await expect(admin.getByRole('alert')).toContainText('No account uses nobody-here@example.com')
    await adminContext.close()
  })
})
