// Issue 14's figures: the analytics page with a million stored webhook events, and Resend webhook
// deliveries (verify, record once, attribute, count) beside the Stripe webhook's.
import Database from 'better-sqlite3'
import { randomUUID } from 'node:crypto'
import { TEMPLATE_IDS } from '../app/email/registry.server'
import { sampleEmailEvent, signResendDelivery } from '../app/engagement/sample-deliveries'
import { LOCALES } from '../app/i18n/locales'

const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)]!
const TYPES = ['email.delivered', 'email.opened', 'email.clicked', 'email.bounced', 'email.complained'] as const

/**
 * Writes `count` webhook events over the last 90 days straight into the app's database (with the daily
 * counts they would have produced), in batches, printing progress: what a busy sender accumulates.
 */
export function storeWebhookEvents(dbFile: string, count: number) {
  const db = new Database(dbFile)
  db.pragma('journal_mode = WAL')
  const insert = db.prepare('INSERT INTO email_events (id, type, email_id, message_id, template, locale, recipient, occurred_at, detail, created_at) VALUES (?, ?, ?, NULL, ?, ?, ?, ?, NULL, ?)')
  const stat = db.prepare(
    `INSERT INTO email_daily_stats (day, template, locale, sent, delivered, opened, clicked, bounced, complained) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)
     ON CONFLICT (day, template, locale) DO UPDATE SET sent = sent + excluded.sent, delivered = delivered + excluded.delivered, opened = opened + excluded.opened,
     clicked = clicked + excluded.clicked, bounced = bounced + excluded.bounced, complained = complained + excluded.complained`,
  )
  const now = Date.now()
  const batch = 50_000
  const started = Date.now()
  for (let done = 0; done < count; done += batch) {
    db.transaction(() => {
      const counts = new Map<string, number[]>()
      for (let i = done; i < Math.min(count, done + batch); i++) {
        const at = now - Math.floor(Math.random() * 90 * 86_400_000)
        const template = TEMPLATE_IDS[i % TEMPLATE_IDS.length]!
        const locale = LOCALES[i % LOCALES.length]!
        const type = TYPES[i % 13 === 0 ? 3 + (i % 2) : i % 3]!
        insert.run(`bench_${i}`, type, `re_${i >> 2}`, template, locale, `user${i % 10_000}@example.com`, at, now)
        const key = `${new Date(at).toISOString().slice(0, 10)}|${template}|${locale}`
        const c = counts.get(key) ?? [0, 0, 0, 0, 0, 0]
        c[0]! += type === 'email.delivered' ? 1 : 0
        c[1 + TYPES.indexOf(type)]! += 1
        counts.set(key, c)
      }
      for (const [key, c] of counts) stat.run(...key.split('|'), ...c)
    })()
    process.stdout.write(`\r  stored ${Math.min(count, done + batch).toLocaleString('en')} / ${count.toLocaleString('en')} webhook events (${((Date.now() - started) / 1000).toFixed(1)} s)`)
  }
  process.stdout.write('\n')
  db.close()
}

/** The analytics page for 90 days, as a marketer opens it: the median of `runs` loads, and the /signup page's in the same rounds. */
export async function analyticsPage(appUrl: string, cookie: string, runs = 9) {
  const pageTimes: number[] = []
  const signupTimes: number[] = []
  const timed = async (url: string, headers: Record<string, string>) => {
    const t0 = performance.now()
    const res = await fetch(url, { headers })
    const body = await res.text()
    if (res.status !== 200) throw new Error(`${url} answered ${res.status}`)
    return { ms: performance.now() - t0, bytes: body.length }
  }
  let bytes = 0
  for (let i = 0; i < runs; i++) {
    const page = await timed(`${appUrl}/admin/analytics?period=90`, { cookie })
    pageTimes.push(page.ms)
    bytes = page.bytes
    signupTimes.push((await timed(`${appUrl}/signup`, {})).ms)
  }
  return { pageMs: Math.round(median(pageTimes) * 10) / 10, signupMs: Math.round(median(signupTimes) * 10) / 10, spread: `${Math.round(Math.min(...pageTimes))}–${Math.round(Math.max(...pageTimes))} ms`, bytes }
}

/** One signed Resend delivery (a new svix-id and email each time), for autocannon's setupRequest. */
export function signedResendDelivery(secret: string) {
  const payload = JSON.stringify(sampleEmailEvent('email.delivered', { emailId: `re_${randomUUID()}`, to: 'bench@example.com', tags: { template: 'welcome', locale: 'fr', event: 'bench' } }))
  return { payload, headers: signResendDelivery(payload, secret) }
}
