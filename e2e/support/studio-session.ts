import type { BrowserContext, Page } from '@playwright/test'
import { mkdirSync, writeFileSync } from 'node:fs'
import { dirname } from 'node:path'
import { e2eEnv } from '../../playwright.config'
import { test as base } from './fixtures'
import { seededAdmin, signIn } from './studio'

/**
 * The studio's admin, signed in once per worker rather than once per test (sign-in is a bcrypt hash and
 * a redirect: seconds on a loaded machine). Tests get a fresh context with that session and their own
 * `locale`; the saved language cookie is dropped so Accept-Language decides, as for a first visit.
 */
let counter = 0
const nextAddress = (worker: number) => `198.18.${worker % 250}.${(++counter % 250) + 1}`

export const test = base.extend<{ studioPage: (locale: string) => Promise<Page> }, { studioSession: string }>({
  studioSession: [
    async ({ browser }, use, workerInfo) => {
      const path = `${workerInfo.project.outputDir}/.sessions/studio-admin-${workerInfo.workerIndex}.json`
      const context = await browser.newContext({ baseURL: e2eEnv.baseURL, extraHTTPHeaders: { 'X-Forwarded-For': `203.0.113.${(workerInfo.workerIndex % 250) + 1}` } })
      const page = await context.newPage()
      await signIn(page, seededAdmin, '/admin')
      const state = await context.storageState()
      await context.close()
      mkdirSync(dirname(path), { recursive: true })
      writeFileSync(path, JSON.stringify({ ...state, cookies: state.cookies.filter((cookie) => cookie.name !== 'lng') }))
      await use(path)
    },
    { scope: 'worker' },
  ],
  context: async ({ browser, baseURL, locale, studioSession }, use, testInfo) => {
    const context = await browser.newContext({ baseURL, locale, storageState: studioSession, extraHTTPHeaders: { 'X-Forwarded-For': nextAddress(testInfo.workerIndex) } })
    await use(context)
    await context.close()
  },
  /** Another signed-in page in its own context, whose browser asks for `locale` (to compare languages in one test). */
  studioPage: async ({ browser, baseURL, studioSession }, use, testInfo) => {
    const contexts: BrowserContext[] = []
    await use(async (locale) => {
      const context = await browser.newContext({ baseURL, locale, storageState: studioSession, extraHTTPHeaders: { 'X-Forwarded-For': nextAddress(testInfo.workerIndex) } })
      contexts.push(context)
      return context.newPage()
    })
    for (const context of contexts) await context.close()
  },
})

export { expect } from './fixtures'
