import type { Page } from '@playwright/test'
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
