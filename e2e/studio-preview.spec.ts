import type { Page } from '@playwright/test'
import { expect, test } from './support/studio-session'

const SCREENS = 'test-results/screens-studio'
const LANGS = { en: 'en-US', fr: 'fr-FR', es: 'es-ES' } as const

/** No sideways scrolling: the page fits the window (WCAG 1.4.10 at 320 CSS px). */
async function expectReflow(page: Page) {
  expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(await page.evaluate(() => window.innerWidth))
}

test.describe('the template page, built around the preview', () => {
  test.use({ locale: 'en-US' })

  test('the preview follows the data as it is typed, and keeps the last good render on a mistake', async ({ page }) => {
    await page.setViewportSize({ width: 1280, height: 800 })
    await page.goto('/admin/emails/welcome?locale=en&sample=new-user-en')
    // What a marketer does with the email is above the fold, before the preview.
    for (const action of [page.locator('#test-to'), page.getByRole('button', { name: 'Send this event' }), page.getByTestId('checks-summary')]) {
      const box = (await action.boundingBox())!
      expect(box.y + box.height).toBeLessThan(800)
    }
    // The data editor is beside the preview, not under it.
    const [preview, editor] = [(await page.getByTestId('preview-pane').boundingBox())!, (await page.locator('#sample-data').boundingBox())!]
    expect(editor.x).toBeGreaterThan(preview.x + preview.width - 1)
    expect(editor.y).toBeLessThan(preview.y + 200)
    // The details of the checks are a click away.
    await expect(page.getByTestId('checks-details').locator('.findings, .hint').first()).toBeHidden()
    await page.getByTestId('checks-details').locator('> summary').click()
    await expect(page.getByTestId('checks-details').locator('table').first()).toBeVisible()
    // Compatibility as a matrix: a row per client family the audience uses (STUDIO_EMAIL_CLIENTS's
    // default), a column per feature; Samsung Email is not in that audience.
    const matrix = page.getByTestId('compat-matrix')
    await expect(matrix.locator('tbody tr')).toHaveCount(4)
    await expect(matrix.locator('tbody th')).toHaveText(['Gmail', 'Apple Mail', 'Outlook', 'Yahoo Mail'])
    await expect(matrix.locator('tr[data-family="samsung-email"]')).toHaveCount(0)
    await expect(matrix.locator('thead th[data-support="none"]').first()).toBeVisible()

    await expect(page.getByTestId('live-hint')).toBeVisible()
    const textarea = page.locator('#sample-data')
    const sample = JSON.parse(await textarea.inputValue()) as Record<string, string>
    await textarea.fill(JSON.stringify({ ...sample, userName: 'Zoé Martin' }, null, 2))
    // No button pressed: the pause in typing is enough.
    await expect(page.getByTestId('detail-subject')).toHaveText('Welcome to Courrier, Zoé Martin')
    await expect(page.frameLocator('[data-testid="email-frame"]').locator('body')).toContainText('Zoé Martin')
    await textarea.press('End')
    await textarea.pressSequentially(',')
    await expect(page.getByTestId('data-error')).toContainText('JSON')
    await expect(textarea).toHaveAttribute('aria-invalid', 'true')
    await expect(page.getByTestId('detail-subject')).toHaveText('Welcome to Courrier, Zoé Martin')
    await textarea.press('Backspace')
    await expect(page.getByTestId('data-error')).toBeHidden()
  })

  test('without JavaScript, the data editor posts and the page answers with the preview', async ({ browser, baseURL, studioSession }) => {
    const context = await browser.newContext({
      baseURL,
      locale: 'fr-FR',
      javaScriptEnabled: false,
      storageState: studioSession,
      extraHTTPHeaders: { 'X-Forwarded-For': '198.18.200.1' },
    })
    const page = await context.newPage()
    await page.goto('/admin/emails/welcome?locale=fr&sample=new-user-fr')
    const textarea = page.locator('#sample-data')
    const sample = JSON.parse(await textarea.inputValue()) as Record<string, string>
    await textarea.fill(JSON.stringify({ ...sample, userName: 'Léa Sans Script' }))
    await page.getByTestId('apply-data').click()
    await expect(page.getByTestId('detail-subject')).toContainText('Léa Sans Script')
    await textarea.fill('{ "userId": 1 }')
    await page.getByTestId('apply-data').click()
    await expect(page.getByTestId('data-error')).toContainText('userId')
    await expect(page.getByTestId('detail-subject')).toContainText('Léa Sans Script')
    await context.close()
  })

  test('screens of the template page in three languages, desktop and mobile, reflowing at 320 px', async ({ studioPage }) => {
    test.setTimeout(90_000)
    for (const [lang, locale] of Object.entries(LANGS)) {
      const page = await studioPage(locale)
      for (const width of [1280, 375, 320]) {
        await page.setViewportSize({ width, height: 900 })
        await page.goto(`/admin/emails/onboarding-day-3?locale=${lang}`)
        await expect(page.frameLocator('[data-testid="email-frame"]').locator('body')).toContainText('Courrier')
        await expectReflow(page)
        if (width !== 320) await page.screenshot({ path: `${SCREENS}/template-${lang}-${width}.png`, fullPage: width !== 1280 })
        if (width === 1280) {
          await page.getByTestId('checks-details').locator('> summary').click()
          await page.getByTestId('checks-summary').screenshot({ path: `${SCREENS}/checks-matrix-${lang}-1280.png` })
        }
      }
    }
  })
})
