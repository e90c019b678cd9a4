import { describe, expect, test } from 'vitest'
import { LOCALES, type Locale } from '~/i18n/locales'
import { eventCatalogue } from '~/events'
import { emailResources } from './i18n.server'
import { TEMPLATE_IDS, templates, type TemplateId, type TemplateInput } from './registry.server'
import { renderEmail, type RenderedEmail } from './render.server'

// Gmail clips a message whose HTML passes ~102 KB and hides the rest behind "View entire message".
const GMAIL_CLIP_BYTES = 102 * 1024

function leaves(value: unknown, prefix = ''): Array<[string, string]> {
  if (typeof value === 'string') return [[prefix, value]]
  return Object.entries(value as Record<string, unknown>).flatMap(([k, v]) => leaves(v, prefix ? `${prefix}.${k}` : k))
}
const strings = Object.fromEntries(LOCALES.map((l) => [l, new Map(leaves(emailResources[l]))])) as Record<Locale, Map<string, string>>
const keys = [...strings.en.keys()]
// As React escapes text.
const escapeHtml = (s: string) =>
  s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;').replace(/'/g, '&#x27;')
const squash = (s: string) => s.replace(/\s+/g, ' ')

/** The static parts of a string (between placeholders) long enough to be recognisable in another text. */
function fragments(value: string) {
  return value
    .split(/\{\{[^}]+\}\}/)
    .map((part) => squash(part).trim())
    .filter((part) => part.length >= 12)
}

function samplesOf(id: TemplateId) {
  const catalogue = eventCatalogue[templates[id].event].samples as Record<string, { data: unknown; context?: unknown }>
  return templates[id].samples.map((key) => [key, catalogue[key]! as TemplateInput<typeof id>] as const)
}

function visible(email: RenderedEmail) {
  return squash([email.subject, email.previewText, email.text].join('\n'))
}

describe('every template, every sample, every locale', () => {
  for (const id of TEMPLATE_IDS) {
    test(`${id} lists samples of its event`, () => {
      expect(templates[id].samples.length).toBeGreaterThan(0)
      expect(templates[id].id).toBe(id)
    })
    for (const [sample, data] of samplesOf(id)) {
      for (const locale of LOCALES) {
        test(`${id} / ${sample} / ${locale}`, async () => {
          const email = await renderEmail(id, data, locale)
          const shown = visible(email)

          expect(email.subject.length).toBeGreaterThan(0)
          expect(email.previewText.length).toBeGreaterThan(0)
          expect(email.html).toMatch(new RegExp(`<html[^>]* lang="${locale}"`))
          expect(email.html).toContain(escapeHtml(email.previewText))
          expect(Buffer.byteLength(email.html)).toBeLessThan(GMAIL_CLIP_BYTES)
          // A plain-text alternative with the words and the links, not an empty or HTML part.
          expect(email.text.length).toBeGreaterThan(200)
          expect(email.text).not.toMatch(/<[a-z][^>]*>/i)
          expect(email.text).toMatch(/https?:\/\/\S+/)

          // No raw translation key, no unfilled placeholder.
          for (const key of keys) expect(shown + email.html, `raw key ${key}`).not.toContain(key)
          expect(shown + email.html).not.toMatch(/\{\{|\}\}/)

          // No sentence left in another language.
          for (const other of LOCALES.filter((l) => l !== locale)) {
            // Identical strings are not skipped: a sentence copied from English into French is a miss.
            for (const [key, value] of strings[other]) {
              for (const fragment of fragments(value)) expect(shown, `${other} "${fragment}" (${key})`).not.toContain(fragment)
            }
          }
        })
      }
    }
  }
})

describe('renderEmail', () => {
  const welcome = eventCatalogue['user/registered'].samples['new-user-fr']

  test('subject, preview and text come from the locale files, with the data filled in', async () => {
    const email = await renderEmail('welcome', welcome, 'fr', { appUrl: 'https://mail.example.com' })
    expect(email.subject).toBe('Bienvenue sur Courrier, Camille Dupont')
    expect(email.previewText).toBe(strings.fr.get('welcome.preview'))
    expect(email.text).toContain('Bonjour Camille Dupont,')
    // A pending address: the button confirms it, on APP_URL.
    expect(email.text).toContain('https://mail.example.com/verify-email/sample-token')
    expect(email.html).toContain('href="https://mail.example.com/verify-email/sample-token"')
    expect(email.text).toContain(strings.fr.get('welcome.confirmCta'))
  })

  test('the welcome email of an address already proven (an invitation accepted) leads to the dashboard instead', async () => {
    const email = await renderEmail('welcome', eventCatalogue['user/registered'].samples['invited-user-confirmed-en'], 'en', { appUrl: 'https://mail.example.com' })
    expect(email.html).toContain('href="https://mail.example.com/dashboard"')
    expect(email.html).not.toContain('verify-email')
    expect(email.text).not.toContain(strings.en.get('welcome.confirmCta'))
  })

  test('D+7 without a subscription leads to /pricing (where a trial starts); on a trial, to the dashboard', async () => {
    const samples = eventCatalogue['user/registered'].samples
    const none = await renderEmail('onboarding-day-7', samples['day-7-no-subscription-fr'], 'fr', { appUrl: 'https://mail.example.com' })
    expect(none.html).toContain('href="https://mail.example.com/pricing"')
    const trial = await renderEmail('onboarding-day-7', samples['day-7-trial-en'], 'en', { appUrl: 'https://mail.example.com' })
    expect(trial.html).not.toContain('/pricing')
  })

  test('dates are written the way each language writes them', async () => {
    const sample = eventCatalogue['stripe/subscription.created'].samples['trial-pro-fr']
    expect((await renderEmail('subscription-created', sample, 'fr')).text).toContain('10 décembre 2026')
    expect((await renderEmail('subscription-created', sample, 'en')).text).toContain('December 10, 2026')
    expect((await renderEmail('subscription-created', sample, 'es')).text).toContain('10 de diciembre de 2026')
  })

  test('the invitation links to the accept path its step derived, on APP_URL', async () => {
    const sample = eventCatalogue['organization/invitation.created'].samples['invite-fr']
    const email = await renderEmail('invitation', sample, 'fr', { appUrl: 'https://mail.example.com' })
    const url = `https://mail.example.com${sample.context.acceptPath}`
    expect(email.html).toContain(`href="${url}"`)
    expect(email.text).toContain(url)
  })

  test('the trial reminder shows the context its step read', async () => {
    const { data } = eventCatalogue['trial/reminder'].samples['pro-trial']
    const given = await renderEmail('trial-reminder', { data, context: { ownerName: 'Robin', organizationName: 'Robin & Co', trialEnd: null, plan: null } }, 'en')
    expect(given.subject).toBe('Your trial for Robin & Co is ending soon')
    expect(given.text).toContain('Hello Robin,')
    expect(given.html).toContain('Robin &amp; Co')
  })

  test('text from outside (a Stripe plan name) is text, never markup, and cannot break the subject line', async () => {
    const { data: sample, context } = eventCatalogue['stripe/subscription.created'].samples['unknown-price-en']
    const data = { ...sample, planName: 'Pro <img src=x onerror=alert(1)>\r\nBcc: victim@example.com' }
    const email = await renderEmail('subscription-created', { data, context }, 'en')
    expect(email.html).not.toContain('<img src=x')
    expect(email.html).toContain('Pro &lt;img src=x onerror=alert(1)&gt;')
    expect(email.subject).not.toMatch(/[\r\n]/)
    expect(email.subject).toBe('Your Pro <img src=x onerror=alert(1)> Bcc: victim@example.com subscription is confirmed')
  })

  test('a person name with markup or a line break never reaches a template', async () => {
    for (const userName of ['Eve <img src=x onerror=alert(1)>', 'Eve\r\nBcc: victim@example.com']) {
      await expect(renderEmail('welcome', { data: welcome.data, context: { userName } }, 'en')).rejects.toThrow(/errors\.nameInvalid/)
    }
  })

  test('data that its event could not carry, or a context its step could not read, is refused', async () => {
    await expect(renderEmail('welcome', { data: { userId: '' }, context: welcome.context }, 'fr')).rejects.toThrow(/userId/)
    await expect(renderEmail('welcome', { data: welcome.data, context: { userName: '' } }, 'fr')).rejects.toThrow(/errors\.nameRequired/)
  })
})
