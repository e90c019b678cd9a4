import type { Page } from '@playwright/test'
import { expect, test } from './support/studio-session'
import { mailboxFor } from './support/studio'

/**
 * Words that are the same in English and in the language, and right there (a translator would keep
 * them). Anything else the French or Spanish studio shows exactly as the English one does is a string
 * that was never translated.
 */
const SAME_AS_ENGLISH: Record<'fr' | 'es', string[]> = {
  fr: ['Studio', 'Mobile', 'Images', 'HTML', 'Actions', 'Notes', 'Clients'],
  es: ['HTML'],
}

/**
 * Every piece of interface text on the page: text nodes, accessible names and tooltips, and the title.
 * Left out: the email's own words (marked with its `lang`), identifiers marked `translate="no"` (template
 * ids, event names, header names), code, data the user typed and timestamps.
 */
async function interfaceTexts(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    const skip = '[lang]:not(html), [translate="no"], pre, code, kbd, .mono, time, textarea, script, style, iframe'
    const root = document.querySelector('.studio')!
    // The title may quote the email (a message's subject): its words are the email's, not the interface's.
    let title = document.title
    for (const quoted of root.querySelectorAll('[lang]')) if (quoted.textContent?.trim()) title = title.replace(quoted.textContent.trim(), '')
    const texts = new Set<string>([title.trim()])
    const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT)
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
      const text = node.textContent?.replace(/\s+/g, ' ').trim()
      if (text && !node.parentElement?.closest(skip)) texts.add(text)
    }
    for (const element of root.querySelectorAll('[aria-label], [title], [placeholder]')) {
      if (element.closest(skip)) continue
      for (const name of ['aria-label', 'title', 'placeholder']) {
        const value = element.getAttribute(name)?.trim()
        if (value) texts.add(value)
      }
    }
    return [...texts]
  })
}

/** Strings shown identically in English and in `lang`: words, not numbers, addresses or punctuation. */
function untranslated(english: string[], other: string[], lang: 'fr' | 'es') {
  const inEnglish = new Set(english)
  return other.filter((text) => inEnglish.has(text) && /[A-Za-z]{3,}/.test(text) && !text.includes('@') && !SAME_AS_ENGLISH[lang].includes(text))
}

test('no English word is left in the French or Spanish studio', async ({ page, studioPage, uniqueEmail }) => {
  test.setTimeout(120_000)
  // A real message and event, so the mailbox and event pages have something to show.
  await page.goto('/admin/emails/welcome?locale=en')
  const to = uniqueEmail('translated')
  await page.locator('#test-to').fill(to)
  await page.locator('#send-title ~ form button[type="submit"], #send-title + form button[type="submit"]').first().click()
  await expect(page.getByTestId('send-result')).toBeVisible()
  const [message] = await mailboxFor(page.request, to)
  const paths = [
    '/admin',
    '/admin/emails/welcome?locale=en&sample=new-user-en',
    '/admin/emails/onboarding-day-3?locale=fr&tab=envelope',
    '/admin/emails/payment-failed?locale=es&tab=text',
    '/admin/mailbox',
    `/admin/mailbox/${message!.id}`,
    `/admin/mailbox/${message!.id}?tab=headers`,
    `/admin/events/${encodeURIComponent(message!.eventId!)}`,
    '/admin/team',
  ]
  const pages = { en: await studioPage('en-US'), fr: await studioPage('fr-FR'), es: await studioPage('es-ES') }
  const found: string[] = []
  for (const path of paths) {
    const texts = {} as Record<keyof typeof pages, string[]>
    for (const [lang, p] of Object.entries(pages) as Array<[keyof typeof pages, Page]>) {
      await p.goto(path)
      await expect(p.locator('html')).toHaveAttribute('lang', lang)
      texts[lang] = await interfaceTexts(p)
    }
    for (const lang of ['fr', 'es'] as const) found.push(...untranslated(texts.en, texts[lang], lang).map((text) => `${lang} ${path}: ${text}`))
  }

  // The data editor's messages: zod's, in the interface's language; a JSON mistake, with where it is.
  const editorErrors = {} as Record<keyof typeof pages, string>
  for (const [lang, p] of Object.entries(pages) as Array<[keyof typeof pages, Page]>) {
    await p.goto('/admin/emails/welcome?locale=en&sample=new-user-en')
    await expect(p.getByTestId('live-hint')).toBeVisible()
    await p.locator('#sample-data').fill(JSON.stringify({ userId: '', userName: 'Zoé' }))
    await p.getByTestId('apply-data').click()
    await expect(p.getByTestId('data-error')).toContainText('userId')
    editorErrors[lang] = (await p.getByTestId('data-error').textContent()) ?? ''
    await p.locator('#sample-data').fill('{\n  "userName": \n')
    await p.getByTestId('apply-data').click()
    await expect(p.getByTestId('data-error')).toContainText('JSON')
    const texts = await interfaceTexts(p)
    if (lang !== 'en') found.push(...untranslated(await interfaceTexts(pages.en), texts, lang).map((text) => `${lang} data editor: ${text}`))
  }
  expect(editorErrors.fr).toContain('Trop petit')
  expect(editorErrors.es).toContain('Demasiado pequeño')
  expect(found).toEqual([])
})
