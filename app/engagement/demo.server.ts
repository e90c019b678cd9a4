import { randomUUID } from 'node:crypto'
import { db } from '~/db/client.server'
import { TEMPLATE_IDS } from '~/email/registry.server'
import { LOCALES } from '~/i18n/locales'
import { recordResendEvent } from './record.server'
import { sampleEmailEvent, type EmailEventType } from './sample-deliveries'
import { countOne, utcDay } from './stats.server'

/** How each language tends to behave in the demo: Spanish trial reminders opened half as often as French ones, say. */
const OPEN_RATE = { fr: 0.46, en: 0.4, es: 0.31 } as const
const CLICK_RATE = { fr: 0.09, en: 0.08, es: 0.06 } as const

/** A small deterministic generator, so two demo runs look alike. */
function random(seed: number) {
  let state = seed >>> 0
  return () => {
    state = (state * 1664525 + 1013904223) >>> 0
    return state / 2 ** 32
  }
}

/**
 * Fills `days` days of realistic engagement for every template and language, through the same code a
 * Resend webhook goes through (recordResendEvent), with sends counted as sendEmail counts them. Emails are
 * attributed by their tags alone (the demo writes no mailbox rows). Returns how many emails and events.
 */
export function seedEngagementDemo({ days = 90, now = new Date(), onProgress }: { days?: number; now?: Date; onProgress?: (done: number, total: number) => void } = {}) {
  const next = random(14)
  let emails = 0
  let events = 0
  for (let d = days - 1; d >= 0; d--) {
    const day = new Date(now.getTime() - d * 86_400_000)
    for (const template of TEMPLATE_IDS) {
      for (const locale of LOCALES) {
        // The welcome email goes out most; the reminders less. A little noise per day.
        const base = template === 'welcome' ? 14 : template.startsWith('onboarding') || template === 'welcome-follow-up' ? 9 : 3
        const count = Math.max(0, Math.round(base * (0.6 + next() * 0.8)))
        for (let i = 0; i < count; i++) {
          const sentAt = new Date(day.getTime() - Math.floor(next() * 8 * 3_600_000))
          db.transaction((tx) => countOne(tx, { day: utcDay(sentAt), template, locale }, 'sent'))
          emails++
          const email = { emailId: `demo_${randomUUID()}`, to: `demo-${Math.floor(next() * 5000)}@example.com`, sentAt, tags: { template, locale, event: 'demo' } }
          const deliver = (type: EmailEventType, minutes: number, options: Parameters<typeof sampleEmailEvent>[2] = {}) => {
            recordResendEvent(`demo_${randomUUID()}`, sampleEmailEvent(type, email, { at: new Date(sentAt.getTime() + minutes * 60_000), ...options }), now)
            events++
          }
          const roll = next()
          if (roll < 0.012) {
            deliver('email.bounced', 1, { bounceType: next() < 0.8 ? 'Permanent' : 'Transient' })
            continue
          }
          deliver('email.delivered', 1)
          if (next() < OPEN_RATE[locale] * (template === 'trial-reminder' && locale === 'es' ? 0.5 : 1)) {
            deliver('email.opened', 30 + Math.floor(next() * 600))
            if (next() < 0.3) deliver('email.opened', 900)
          }
          if (next() < CLICK_RATE[locale]) deliver('email.clicked', 45 + Math.floor(next() * 600), { link: 'https://courrier.test/dashboard' })
          if (next() < 0.001) deliver('email.complained', 2000)
        }
      }
    }
    onProgress?.(days - d, days)
  }
  return { emails, events }
}
