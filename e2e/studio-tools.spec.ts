import type { Page } from '@playwright/test'
import { readFile } from 'node:fs/promises'
import { axeViolations, describeViolations } from './support/axe'
import { expect, test } from './support/studio-session'

// The studio's tools beyond the template page (issue 15): languages side by side, the development
// banner, dark mode, source and downloads, the mailbox's search, clear and headers.
const SCREENS = 'test-results/screens-studio2'
const LANGS = { fr: 'fr-FR', en: 'en-US', es: 'es-ES' } as const
const WELCOME_SUBJECT = { fr: /^Bienvenue/, en: /^Welcome/, es: /^Te damos la bienvenida/ }

/** No sideways scrolling: the page fits the window (WCAG 1.4.10 at 320 CSS px). */
async function expectReflow(page: Page) {
  expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(await page.evaluate(() => window.innerWidth))
}

test.describe('compare languages side by side', () => {
  for (const [lang, locale] of Object.entries(LANGS)) {
    test(`in ${lang}: the same sample in fr, en and es, desktop and mobile width`, async ({ studioPage }) => {
      test.setTimeout(60_000)
      const page = await studioPage(locale)
      await page.setViewportSize({ width: 1280, height: 900 })
      await page.goto(`/admin/emails/welcome?locale=${lang}`)
      // The e2e server's Inngest (the event API double) answers: no "dev server not reachable" notice.
      await expect(page.getByTestId('inngest-notice')).toHaveCount(0)
      await page.getByTestId('compare-link').click()
      await expect(page).toHaveURL(/\/admin\/emails\/welcome\/compare\?sample=/)
      const compare = page.getByTestId('compare')
      await expect(compare.locator('.compare-column')).toHaveCount(3)
      for (const [i, column] of (['fr', 'en', 'es'] as const).entries()) {
        const subject = compare.getByTestId('compare-subject').nth(i)
        await expect(subject).toHaveAttribute('lang', column)
        await expect(subject).toHaveText(WELCOME_SUBJECT[column])
        await expect(compare.getByTestId('compare-preview-text').nth(i)).not.toBeEmpty()
        await expect(page.frameLocator('[data-testid="compare-frame"]').nth(i).locator('html')).toHaveAttribute('lang', column)
      }
      // Side by side: the columns share a top edge.
      const tops = await compare.locator('.compare-column').evaluateAll((els) => els.map((el) => Math.round(el.getBoundingClientRect().top)))
      expect(new Set(tops).size).toBe(1)
      const violations = await axeViolations(page, `${lang} compare`)
      expect(violations, describeViolations(violations)).toEqual([])
      await expectReflow(page)
      await page.screenshot({ path: `${SCREENS}/compare-${lang}-1280.png` })

      await page.getByTestId('width-switcher').getByRole('link').nth(1).click()
      await expect(page).toHaveURL(/width=mobile/)
      await expect(page.getByTestId('compare-frame').first()).toHaveAttribute('width', '375')
      // Three phones fit a laptop's screen: no scrolling inside the box.
      expect(await compare.evaluate((el) => el.scrollWidth <= el.clientWidth)).toBe(true)
      await page.screenshot({ path: `${SCREENS}/compare-mobile-width-${lang}-1280.png` })

      for (const width of [375, 320]) {
        await page.setViewportSize({ width, height: 800 })
        await expectReflow(page)
      }
      await page.setViewportSize({ width: 375, height: 800 })
      // The languages stack on a phone. (A full-page capture leaves the frames blank: the window's
      // height, scrolled to the first language, shows what a phone does.)
      await page.getByTestId('compare').scrollIntoViewIfNeeded()
      await expect(page.frameLocator('[data-testid="compare-frame"]').first().locator('body')).toContainText('Courrier')
      await page.screenshot({ path: `${SCREENS}/compare-${lang}-375.png` })
    })
  }
})

test.describe('dark mode, the highlighted source and downloads', () => {
  for (const [lang, locale] of Object.entries(LANGS)) {
    test(`in ${lang}`, async ({ studioPage }) => {
      test.setTimeout(60_000)
      const page = await studioPage(locale)
      await page.setViewportSize({ width: 1280, height: 900 })
      await page.goto(`/admin/emails/welcome?locale=${lang}&sample=new-user-en`)
      await page.getByTestId('dark-switcher').getByRole('link').nth(1).click()
      await expect(page).toHaveURL(/dark=1/)
      await expect(page.getByTestId('dark-hint')).toBeVisible()
      const frame = page.frameLocator('[data-testid="email-frame"]')
      await expect(frame.locator('style[data-studio-dark]')).toHaveCount(1)
      await expect(frame.locator('body')).toContainText('Courrier')
      let violations = await axeViolations(page, `${lang} dark`)
      await page.screenshot({ path: `${SCREENS}/dark-${lang}-1280.png` })
      await page.setViewportSize({ width: 320, height: 800 })
      await expectReflow(page)
      await page.setViewportSize({ width: 375, height: 800 })
      await expectReflow(page)
      // The checks' details open (wide tables with hidden labels) must not widen the page either.
      await page.getByTestId('checks-details').locator('> summary').click()
      await expectReflow(page)
      // The site's header and the studio share one width: their left edges line up.
      await page.setViewportSize({ width: 1280, height: 900 })
      const left = async (selector: string) => (await page.locator(selector).first().boundingBox())!.x
      expect(Math.abs((await left('.site-header-inner .brand')) - (await left('.studio-nav')))).toBeLessThanOrEqual(16)
      await page.setViewportSize({ width: 375, height: 800 })
      await page.getByTestId('dark-switcher').evaluate((el) => el.scrollIntoView({ block: 'start' }))
      await page.screenshot({ path: `${SCREENS}/dark-${lang}-375.png` })

      // Downloads: the exact HTML and the whole message, each a file with its own name.
      for (const [testId, extension, content] of [
        ['download-html', 'html', `lang="${lang}"`],
        ['download-eml', 'eml', 'Content-Type: multipart/alternative'],
      ] as const) {
        const [file] = await Promise.all([page.waitForEvent('download'), page.getByTestId(testId).click()])
        expect(file.suggestedFilename()).toBe(`welcome-${lang}-new-user-en.${extension}`)
        expect(await readFile((await file.path())!, 'utf8')).toContain(content)
      }

      await page.setViewportSize({ width: 1280, height: 900 })
      await page.getByTestId('tab-switcher').getByRole('link').nth(2).click()
      await expect(page).toHaveURL(/tab=source/)
      const source = page.getByTestId('html-source')
      await expect(source.locator('.hljs-name').first()).toBeVisible()
      await expect(source).toContainText('<!DOCTYPE html')
      violations = [...violations, ...(await axeViolations(page, `${lang} source`))]
      expect(violations, describeViolations(violations)).toEqual([])
      await page.screenshot({ path: `${SCREENS}/source-${lang}-1280.png` })
      await page.setViewportSize({ width: 320, height: 800 })
      await expectReflow(page)
      await page.setViewportSize({ width: 375, height: 800 })
      await source.evaluate((el) => el.scrollIntoView({ block: 'start' }))
      await page.screenshot({ path: `${SCREENS}/source-${lang}-375.png` })
    })
  }
})

test.describe('the mailbox: search, headers, .eml; clearing does not exist in production', () => {
  for (const [lang, locale] of Object.entries(LANGS)) {
    test(`in ${lang}`, async ({ studioPage }) => {
      test.setTimeout(60_000)
      const page = await studioPage(locale)
      await page.setViewportSize({ width: 1280, height: 900 })
      const to = `mailbox-${lang}-${Date.now()}@example.com`
      await page.goto(`/admin/emails/welcome?locale=${lang}`)
      await page.locator('#test-to').fill(to)
      await page.locator('#test-to').press('Enter')
      await expect(page.getByTestId('send-result')).toBeVisible()

      // Search by recipient, subject and template at once, as a person types them in the filters.
      await page.goto('/admin/mailbox')
      await page.locator('#f-to').fill(to)
      await page.locator('#f-subject').fill(lang === 'fr' ? 'BIENVENUE' : lang === 'en' ? 'welcome' : 'bienvenida')
      await page.locator('#f-template').selectOption('welcome')
      await page.locator('form.filters-form button[type="submit"]').click()
      await expect(page).toHaveURL(/subject=/)
      await expect(page.getByTestId('mailbox').locator('tbody tr')).toHaveCount(1)
      // Production: the mailbox is the record of what was sent, there is nothing to clear it with.
      await expect(page.getByTestId('clear-link')).toHaveCount(0)
      expect((await page.request.post('/admin/mailbox', { form: { intent: 'clear' }, headers: { Origin: new URL(page.url()).origin } })).status()).toBe(404)
      let violations = await axeViolations(page, `${lang} mailbox`)
      await page.screenshot({ path: `${SCREENS}/mailbox-${lang}-1280.png` })
      await page.setViewportSize({ width: 320, height: 800 })
      await expectReflow(page)
      await page.setViewportSize({ width: 375, height: 800 })
      await page.screenshot({ path: `${SCREENS}/mailbox-${lang}-375.png`, fullPage: true })

      await page.setViewportSize({ width: 1280, height: 900 })
      await page.getByTestId('mailbox').locator('tbody a').first().click()
      await expect(page.getByTestId('message-to')).toHaveText(to)
      const [file] = await Promise.all([page.waitForEvent('download'), page.getByTestId('message-eml').click()])
      expect(file.suggestedFilename()).toMatch(new RegExp(`^welcome-${lang}-[a-z0-9-]+\\.eml$`))
      const eml = await readFile((await file.path())!, 'utf8')
      expect(eml).toContain(`To: ${to}`)
      expect(eml).toContain('Content-Type: multipart/alternative')
      await page.locator('nav.segmented a').nth(2).click()
      await expect(page.getByTestId('message-headers').locator('th')).toContainText(['From', 'To', 'Subject', 'Date', 'X-Entity-Ref-ID'])
      violations = [...violations, ...(await axeViolations(page, `${lang} message headers`))]
      expect(violations, describeViolations(violations)).toEqual([])
      await page.screenshot({ path: `${SCREENS}/message-headers-${lang}-1280.png` })
      await page.setViewportSize({ width: 320, height: 800 })
      await expectReflow(page)
      await page.setViewportSize({ width: 375, height: 800 })
      await page.screenshot({ path: `${SCREENS}/message-headers-${lang}-375.png`, fullPage: true })
    })
  }
})
