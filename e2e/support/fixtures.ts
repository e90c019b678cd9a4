import { test as base, expect } from '@playwright/test'
import { randomUUID } from 'node:crypto'

let counter = 0

/** Every test gets its own client address (rate limits are per address) and its own email addresses. */
export const test = base.extend<{ uniqueEmail: (label?: string) => string }>({
  context: async ({ browser, baseURL, locale }, use, testInfo) => {
    const address = `198.51.${testInfo.workerIndex % 250}.${(++counter % 250) + 1}`
    // `locale` (test.use({ locale })) is what the browser sends as Accept-Language.
    const context = await browser.newContext({ baseURL, locale, extraHTTPHeaders: { 'X-Forwarded-For': address } })
    await use(context)
    await context.close()
  },
  uniqueEmail: async ({}, use) => {
    await use((label = 'user') => `${label}-${randomUUID().slice(0, 8)}@example.com`)
  },
})

export { expect }
