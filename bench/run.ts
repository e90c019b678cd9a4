// `npm run bench`: Courrier's speed and memory, each figure against a baseline measured in the same run
// on the same machine. Prints a table and writes bench/results/<time>.json. Needs a production build.
import Stripe from 'stripe'
import { mkdirSync, rmSync, writeFileSync } from 'node:fs'
import { type ChildProcess } from 'node:child_process'
import { sampleSubscriptionEvent } from '../app/billing/sample-events'
import { startInngestEventApi } from '../test/mocks/inngest-event-api.mjs'
import { startCommand } from '../test/start-command'
import { load, peakRssMb, start, stop } from './lib'
import { relayThroughput } from './relay'
import { spawnSync } from 'node:child_process'
import { gridRender, signIn } from './grid'
import { analyticsPage, signedResendDelivery, storeWebhookEvents } from './analytics'

const APP_PORT = 4901
const BASELINE_PORT = 4902
const WEBHOOK_SECRET = 'whsec_bench_only_0123456789'
const RESEND_SECRET = `whsec_${Buffer.from('bench-only-resend-webhook-key').toString('base64')}`
const STORED_EVENTS = Number(process.env.BENCH_WEBHOOK_EVENTS ?? 1_000_000)
const DURATION = Number(process.env.BENCH_SECONDS ?? 5)

type Row = { figure: string; value: number; unit: string; baseline?: number; ratio?: number; target: string; met: boolean; note?: string }
const ADMIN = { email: 'bench-admin@courrier.test', password: 'bench admin password 2026' }
const rows: Row[] = []
const stripe = new Stripe('sk_test_bench_only')

function ratioRow(figure: string, value: number, baseline: number, unit: string, target: string, met: (ratio: number) => boolean, note?: string) {
  const ratio = Number((value / baseline).toFixed(3))
  rows.push({ figure, value, baseline, ratio, unit, target, met: met(ratio), note })
}

function signedWebhook() {
  const payload = JSON.stringify(sampleSubscriptionEvent({ email: `bench-${crypto.randomUUID()}@example.com`, name: 'Bench User', locale: 'en' }))
  return { payload, signature: stripe.webhooks.generateTestHeaderString({ payload, secret: WEBHOOK_SECRET }) }
}

/** An autocannon load of JSON POSTs, each built afresh (a new event, a new signature) by `next`. */
function signedPosts(url: string, next: () => { body: string; headers: Record<string, string> }) {
  return {
    url,
    method: 'POST' as const,
    duration: DURATION,
    requests: [
      {
        method: 'POST' as const,
        setupRequest: (req: any) => {
          const { body, headers } = next()
          return { ...req, body, headers: { ...req.headers, 'content-type': 'application/json', ...headers } }
        },
      },
    ],
  }
}

async function main() {
  mkdirSync('bench/results', { recursive: true })
  rmSync('.tmp/bench', { recursive: true, force: true })
  mkdirSync('.tmp/bench', { recursive: true })
  const eventApi = await startInngestEventApi()
  let app: ChildProcess | undefined
  let baseline: ChildProcess | undefined
  try {
    const appEnv = {
      NODE_ENV: 'production',
      PORT: String(APP_PORT),
      HOST: '127.0.0.1',
      APP_URL: `http://localhost:${APP_PORT}`,
      DATABASE_URL: '.tmp/bench/app.db',
      SESSION_SECRET: 'bench-session-secret-0123456789abcdef0123456789',
      INNGEST_DEV: '1',
      INNGEST_BASE_URL: eventApi.url,
      STRIPE_WEBHOOK_SECRET: WEBHOOK_SECRET,
      RESEND_WEBHOOK_SECRET: RESEND_SECRET,
      RATE_LIMIT_PER_MINUTE: '100000000',
      ADMIN_EMAIL: ADMIN.email,
      ADMIN_PASSWORD: ADMIN.password,
    }
    const seeded = spawnSync('npx', ['tsx', 'scripts/seed.ts'], { env: { ...process.env, ...appEnv }, encoding: 'utf8' })
    if (seeded.status !== 0) throw new Error(`seeding the admin failed: ${seeded.stderr}`)
    // A busy sender's history, before the server starts: the analytics figure below reads over it.
    storeWebhookEvents('.tmp/bench/app.db', STORED_EVENTS)
    app = await start('node', [...startCommand().nodeArgs, 'server.mjs'], { ...startCommand().env, ...appEnv }, /listening/)
    const appUrl = `http://127.0.0.1:${APP_PORT}`
    const phases: Array<[string, number]> = []
    const phase = (name: string) => phases.push([name, peakRssMb(app!.pid!)])
    phase('start')
    const page = await (await fetch(`${appUrl}/signup`, { headers: { 'Accept-Language': 'fr' } })).text()
    writeFileSync('bench/results/signup-page.html', page)
    baseline = await start('node', ['bench/baseline-server.mjs'], { PORT: String(BASELINE_PORT), BASELINE_PAGE: 'bench/results/signup-page.html' }, /ready/)
    const baseUrl = `http://127.0.0.1:${BASELINE_PORT}`

    // 1. /signup server renders per second, against the same page served static.
    const get = { duration: DURATION, headers: { 'accept-language': 'fr' } }
    const pageBase = await load({ url: `${baseUrl}/signup`, ...get })
    const pageApp = await load({ url: `${appUrl}/signup`, ...get })
    if (pageApp.non2xx) throw new Error(`/signup answered ${pageApp.non2xx} non-2xx responses`)
    phase('pages')
    ratioRow('/signup page renders', pageApp.rps, pageBase.rps, 'req/s', '≥ 0.25 × baseline', (r) => r >= 0.25, `p99 ${pageApp.p99ms} ms`)

    // 2. Signed Stripe webhooks handled per second (verify, record, enqueue), each a new event.
    const webhookRequest = (url: string) =>
      signedPosts(url, () => {
        const { payload, signature } = signedWebhook()
        return { body: payload, headers: { 'stripe-signature': signature } }
      })
    const hookBase = await load(webhookRequest(`${baseUrl}/webhooks/stripe`))
    const hookApp = await load(webhookRequest(`${appUrl}/webhooks/stripe`))
    if (hookApp.non2xx) throw new Error(`/webhooks/stripe answered ${hookApp.non2xx} non-2xx responses`)
    phase('webhooks')
    ratioRow('Stripe webhook deliveries', hookApp.rps, hookBase.rps, 'req/s', '≥ 0.40 × baseline', (r) => r >= 0.4, `p99 ${hookApp.p99ms} ms`)

    // 2b. Signed Resend deliveries (verify, record once by svix-id, attribute by tags, count), each a new one.
    const resendRequest = (url: string) =>
      signedPosts(url, () => {
        const { payload, headers } = signedResendDelivery(RESEND_SECRET)
        return { body: payload, headers }
      })
    const resendBase = await load(resendRequest(`${baseUrl}/webhooks/resend`))
    const resendApp = await load(resendRequest(`${appUrl}/webhooks/resend`))
    if (resendApp.non2xx) throw new Error(`/webhooks/resend answered ${resendApp.non2xx} non-2xx responses`)
    phase('resend webhooks')
    ratioRow('Resend webhook deliveries', resendApp.rps, resendBase.rps, 'req/s', '≥ 0.40 × baseline', (r) => r >= 0.4, `p99 ${resendApp.p99ms} ms; Stripe's: ${hookApp.rps} req/s`)

    // 3. Signup POST, reported on its own: its cost is the password hash, by design.
    const signup = await load({
      url: `${appUrl}/signup`,
      method: 'POST',
      duration: DURATION,
      connections: 4,
      warmupSeconds: 0,
      requests: [
        {
          method: 'POST',
          setupRequest: (req: any) => ({
            ...req,
            body: new URLSearchParams({ name: 'Bench', email: `signup-${crypto.randomUUID()}@example.com`, password: 'a long enough password' }).toString(),
            headers: { ...req.headers, 'content-type': 'application/x-www-form-urlencoded', origin: `http://localhost:${APP_PORT}` },
          }),
        },
      ],
    })
    phase('signups')
    // Every signup answers 302 (to the dashboard), which autocannon counts as non-2xx.
    const failed = signup.errors
    rows.push({ figure: 'signup POST (scrypt N=2^14 r=8 p=5 included)', value: signup.rps, unit: 'req/s', target: 'reported', met: failed === 0, note: `p99 ${signup.p99ms} ms, ${signup.total} signups` })

    // 4. Studio grid: every template × fr/en/es in one server render, against bare render() calls.
    const cookie = await signIn(appUrl, `http://localhost:${APP_PORT}`, ADMIN.email, ADMIN.password)
    const grid = await gridRender(appUrl, cookie)
    phase('grid')
    ratioRow('studio grid render', grid.gridMs, grid.bareMs, 'ms', '≤ 1.3 × baseline', (r) => r <= 1.3, `${grid.cells} cells, median of ${grid.runs}`)

    // 4b. The analytics page over 90 days with a million stored webhook events (issue 14: under 200 ms).
    const analytics = await analyticsPage(appUrl, cookie)
    phase('analytics')
    rows.push({
      figure: `analytics page, 90 days, ${STORED_EVENTS.toLocaleString('en')} stored webhook events`,
      value: analytics.pageMs,
      unit: 'ms',
      baseline: analytics.signupMs,
      ratio: Number((analytics.pageMs / analytics.signupMs).toFixed(2)),
      target: '≤ 200 ms',
      met: analytics.pageMs <= 200,
      note: `median of 9 (${analytics.spread}), ${Math.round(analytics.bytes / 1024)} KB; baseline: /signup in the same rounds`,
    })

    // 5. Outbox relay to a loopback event API.
    const relay = await relayThroughput(eventApi.url)
    rows.push({ figure: 'outbox relay delivery', value: relay.perSecond, unit: 'events/s', target: '≥ 5,000 events/s', met: relay.perSecond >= 5000, note: `${relay.events} events in ${relay.ms} ms` })

    // 6. Peak memory of the server after all of the above, and where it rose.
    const rss = peakRssMb(app.pid!)
    rows.push({ figure: 'server peak RSS', value: rss, unit: 'MB', target: '≤ 200 MB', met: rss <= 200, note: phases.map(([p, mb]) => `${p} ${mb}`).join(', ') })
  } finally {
    stop(app)
    stop(baseline)
    await eventApi.close()
  }

  console.log('')
  console.table(rows.map((r) => ({ figure: r.figure, value: `${r.value} ${r.unit}`, baseline: r.baseline ?? '', ratio: r.ratio ?? '', target: r.target, met: r.met ? 'yes' : 'NO', note: r.note ?? '' })))
  const file = `bench/results/${new Date().toISOString().replace(/[:.]/g, '-')}.json`
  writeFileSync(file, JSON.stringify({ at: new Date().toISOString(), node: process.version, cpus: (await import('node:os')).cpus().length, rows }, null, 2))
  console.log(`saved ${file}`)
  if (rows.some((r) => !r.met)) process.exitCode = 1
}

await main()
