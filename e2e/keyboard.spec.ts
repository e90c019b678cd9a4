import type { Page, Request } from '@playwright/test'
import { expect, test } from './support/fixtures'

// Signup and login with the keyboard only: the skip link first, Tab through each field to the submit
// button, Enter to submit, focus kept on the button while the form is sent (never dropped to <body>),
// and after a refusal, focus on what needs fixing.

const password = 'a long enough password'

/** What has focus, as a short description (`input#email`, `button`, `body`…). */
const focused = (page: Page) =>
  page.evaluate(() => {
    const el = document.activeElement
    if (!el) return 'none'
    return el.id ? `${el.tagName.toLowerCase()}#${el.id}` : el.tagName.toLowerCase()
  })

/** Waits for React Router to take over the page: the focus rules below are the app's, not the browser's reload. */
async function open(page: Page, path: string) {
  await page.goto(path)
  await page.waitForFunction(() => (window as { __reactRouterDataRouter?: unknown }).__reactRouterDataRouter)
}

/** Tabs from the skip link into the page, and returns what each further Tab reaches, `count` times. */
async function tabStops(page: Page, count: number) {
  await page.keyboard.press('Tab')
  const skip = page.locator('a.skip-link')
  await expect(skip).toBeFocused()
  await expect(skip).toBeInViewport()
  await page.keyboard.press('Enter')
  await expect(page.locator('main')).toBeFocused()
  const stops: string[] = []
  for (let i = 0; i < count; i++) {
    await page.keyboard.press('Tab')
    stops.push(await focused(page))
  }
  return stops
}

/** Holds the form's POSTs until `release()`, counting them, so a test can look at the page while one is on its way. */
async function holdPosts(page: Page, path: string) {
  const posts: Request[] = []
  let release!: () => void
  const released = new Promise<void>((resolve) => (release = resolve))
  await page.route(
    (url) => url.pathname.startsWith(path),
    async (route) => {
      if (route.request().method() !== 'POST') return route.continue()
      posts.push(route.request())
      await released
      await route.continue()
    },
  )
  return { posts, release }
}

test.describe('with the keyboard only', () => {
  test.use({ locale: 'en-US' })

  test('signup: skip link, Tab through the fields, Enter submits, focus on the first invalid field', async ({ page, uniqueEmail }) => {
    await open(page, '/signup')
    expect(await tabStops(page, 4)).toEqual(['input#name', 'input#email', 'input#password', 'button'])
    await expect(page.locator('main form button[type="submit"]')).toBeFocused()

    // A wrong address and a short password, submitted with Enter from the last field.
    await page.locator('#name').focus()
    await page.keyboard.type('Robin Keys')
    await page.keyboard.press('Tab')
    await page.keyboard.type('robin-at-example')
    await page.keyboard.press('Tab')
    await page.keyboard.type('short')
    await page.keyboard.press('Enter')
    await expect(page.locator('#email')).toHaveAttribute('aria-invalid', 'true')
    await expect(page.locator('#email')).toBeFocused()
    await expect(page.locator('#password')).toHaveAttribute('aria-invalid', 'true')
    await expect(page.locator('#password')).toHaveValue('')

    // Fixed; sent from the submit button. While it is on its way, the button keeps focus and a second
    // Enter sends nothing more.
    await page.keyboard.press('Control+A')
    await page.keyboard.type(uniqueEmail('keyboard'))
    await page.keyboard.press('Tab')
    await page.keyboard.type(password)
    await page.keyboard.press('Tab')
    const held = await holdPosts(page, '/signup')
    await page.keyboard.press('Enter')
    await expect.poll(() => held.posts.length).toBe(1)
    const button = page.locator('main form button[type="submit"]')
    await expect(button).toHaveAttribute('aria-disabled', 'true')
    await expect(button).toBeFocused()
    await page.keyboard.press('Enter')
    held.release()
    await expect(page).toHaveURL(/\/dashboard$/)
    expect(held.posts).toHaveLength(1)
    // After the page changed, focus is not stranded on the removed form: a Tab lands on the new page's
    // skip link or on its first control (the pending-address banner's button, which sits right where the
    // form was: Chromium resumes sequential navigation from the removed element's place).
    await page.keyboard.press('Tab')
    expect(['a', 'button']).toContain(await focused(page))
    expect(await page.evaluate(() => document.activeElement?.closest('.skip-link, [data-testid="pending-address"]') !== null)).toBe(true)
  })

  test('login: Tab order, Enter submits, focus on the invalid field, then on the refusal', async ({ page, uniqueEmail }) => {
    const email = uniqueEmail('keyboard-login')
    await page.goto('/signup')
    await page.locator('#name').fill('Kim Keys')
    await page.locator('#email').fill(email)
    await page.locator('#password').fill(password)
    await page.locator('#password').press('Enter')
    await expect(page).toHaveURL(/\/dashboard$/)
    await page.context().clearCookies()

    await open(page, '/login')
    // The "forgot your password?" link sits under the password field, before the button.
    expect(await tabStops(page, 4)).toEqual(['input#email', 'input#password', 'a', 'button'])

    // Enter from an empty form: focus goes to the first field that needs fixing.
    await page.locator('#email').focus()
    await page.keyboard.press('Enter')
    await expect(page.locator('#email')).toHaveAttribute('aria-invalid', 'true')
    await expect(page.locator('#email')).toBeFocused()

    // A wrong password: no single field is at fault, so focus goes to the form's error, which reads it out.
    await page.keyboard.type(email)
    await page.keyboard.press('Tab')
    await page.keyboard.type('not the password')
    await page.keyboard.press('Enter')
    const refusal = page.locator('main [data-field-error="form"]')
    await expect(refusal).toBeVisible()
    await expect(refusal).toBeFocused()
    await expect(refusal).toHaveAttribute('role', 'alert')

    // From the refusal, Tab goes on into the form: the address is kept, the password to type again.
    await page.keyboard.press('Tab')
    await expect(page.locator('#email')).toBeFocused()
    await expect(page.locator('#email')).toHaveValue(email)
    await page.keyboard.press('Tab')
    await page.keyboard.type(password)
    await page.keyboard.press('Enter')
    await expect(page).toHaveURL(/\/dashboard$/)
  })
})
