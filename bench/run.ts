// `npm run bench`: Courrier's speed and memory, each figure against its anchors measured in the same run on
// the same machine: bare node:http (the physical limit) and the framework floor (bench/floor: a minimal
// React Router app of the same markup, on the same kind of Express server, built here). Each figure is the
// median of RUNS runs of its load, taken in turns with its anchors, the spread in its note. Prints progress
// and a table, writes bench/results/<time>.json, and exits non-zero when a target is missed.
// Needs a production build (`npm run bench` builds it first).
import './production-like-env'
import Stripe from 'stripe'
import { mkdirSync, rmSync, writeFileSync } from 'node:fs'
import { spawnSync, type ChildProcess } from 'node:child_process'
import { cpus } from 'node:os'
import { sampleSubscriptionEvent } from '../app/billing/sample-events'
import { startInngestEventApi } from '../test/mocks/inngest-event-api.mjs'
import { startResendDouble } from '../test/mocks/resend-api'
import { startCommand } from '../test/start-command'
import { load, median, peakRssMb, progress, spread, start, stopAndWait, type LoadResult } from './lib'
import { relayThroughput } from './relay'
import { gridRender, signIn } from './grid'
import { analyticsPage, signedResendDelivery, storeWebhookEvents } from './analytics'
import { bareWelcomeSends, userIdOf, welcomeSteps } from './welcome'

const APP_PORT = 4901
const BASELINE_PORT = 4902
const FLOOR_PORT = 4903
const COLD_PORT = 4904
const RESEND_PORT = 4905
const WEBHOOK_SECRET = 'whsec_bench_only_0123456789'
const RESEND_SECRET = `whsec_${Buffer.from('bench-only-resend-webhook-key').toString('base64')}`
const STORED_EVENTS = Number(process.env.BENCH_WEBHOOK_EVENTS ?? 1_000_000)
const DURATION = Number(process.env.BENCH_SECONDS ?? 5)
const RUNS = Math.max(3, Number(process.env.BENCH_RUNS ?? 3))
const FLOOR_BUILD = '.tmp/bench-floor-build'

type Row = { figure: string; value: number; unit: string; baseline?: number; ratio?: number; target: string; met: boolean; note?: string }
const ADMIN = { email: 'bench-admin@courrier.test', password: 'bench admin password 2026' }
const rows: Row[] = []
const stripe = new Stripe('sk_test_bench_only')
const round = (n: number, digits = 3) => Number(n.toFixed(digits))

/** A figure against an anchor of the same run; `met` from the measured ratio. */
function ratioRow(figure: string, value: number, baseline: number, unit: string, target: string, met: (ratio: number) => boolean, note?: string) {
  const ratio = round(value / baseline)
  rows.push({ figure, value, baseline, ratio, unit, target, met: met(ratio), note })
}
const reported = (figure: string, value: number, unit: string, note?: string) => rows.push({ figure, value, unit, target: 'reported', met: true, note })

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

/** Runs each load RUNS times, in turns (a, b, c, a, b, c, …), so a busy moment weighs on each alike. */
async function inTurns(name: string, loads: Record<string, () => Promise<LoadResult>>) {
  const results: Record<string, LoadResult[]> = Object.fromEntries(Object.keys(loads).map((k) => [k, []]))
  for (let run = 1; run <= RUNS; run++) {
    for (const [key, go] of Object.entries(loads)) {
      progress(`${name}: ${key}, run ${run} of ${RUNS}`)
      const result = await go()
      if (result.non2xx || result.errors) throw new Error(`${name} (${key}) answered ${result.non2xx} non-2xx responses and ${result.errors} errors`)
      results[key]!.push(result)
    }
  }
  return Object.fromEntries(
    Object.entries(results).map(([k, rs]) => {
      const rps = rs.map((r) => r.rps)
      return [k, { rps: median(rps), p99: median(rs.map((r) => r.p99ms)), spread: spread(rps, ' req/s') }]
    }),
  ) as Record<string, { rps: number; p99: number; spread: string }>
}

async function main() {
  mkdirSync('bench/results', { recursive: true })
  rmSync('.tmp/bench', { recursive: true, force: true })
  mkdirSync('.tmp/bench', { recursive: true })

  progress('building the framework floor (bench/floor)')
  const built = spawnSync('npx', ['react-router', 'build', 'bench/floor'], { env: { ...process.env, FLOOR_BUILD_DIR: undefined }, encoding: 'utf8' })
  if (built.status !== 0) throw new Error(`building the framework floor failed:\n${built.stdout}\n${built.stderr}`)

  const eventApi = await startInngestEventApi()
  const resend = await startResendDouble({ port: RESEND_PORT })
  const { env: startEnv, nodeArgs } = startCommand()
  let app: ChildProcess | undefined
  let baseline: ChildProcess | undefined
  let floor: ChildProcess | undefined
  try {
    const appEnv = (port: number) => ({
      ...startEnv,
      NODE_ENV: 'production',
      PORT: String(port),
      HOST: '127.0.0.1',
      APP_URL: `http://localhost:${port}`,
      DATABASE_URL: '.tmp/bench/app.db',
      SESSION_SECRET: 'bench-session-secret-0123456789abcdef0123456789',
      INNGEST_DEV: '1',
      INNGEST_BASE_URL: eventApi.url,
      OUTBOX_RELAY: '1',
      STRIPE_WEBHOOK_SECRET: WEBHOOK_SECRET,
      RESEND_API_KEY: 're_bench_only',
      RESEND_BASE_URL: resend.url,
      RESEND_WEBHOOK_SECRET: RESEND_SECRET,
      RATE_LIMIT_PER_MINUTE: '100000000',
      ADMIN_EMAIL: ADMIN.email,
      ADMIN_PASSWORD: ADMIN.password,
    })
    progress('seeding the admin')
    const seeded = spawnSync('npx', ['tsx', 'scripts/seed.ts'], { env: { ...process.env, ...appEnv(APP_PORT) }, encoding: 'utf8' })
    if (seeded.status !== 0) throw new Error(`seeding the admin failed: ${seeded.stderr}`)
    // A busy sender's history, before the server starts: the analytics figure below reads over it.
    storeWebhookEvents('.tmp/bench/app.db', STORED_EVENTS)

    // 1. Cold start: `npm start`'s command to the first 200, then the first studio grid of that process.
    const coldMs: number[] = []
    const firstGridMs: number[] = []
    for (let run = 1; run <= RUNS; run++) {
      progress(`cold start and first grid, run ${run} of ${RUNS}`)
      const started = performance.now()
      const cold = await start('node', [...nodeArgs, 'server.mjs'], appEnv(COLD_PORT), /listening/)
      try {
        const url = `http://127.0.0.1:${COLD_PORT}`
        for (;;) {
          const res = await fetch(`${url}/signup`).catch(() => null)
          if (res?.status === 200) {
            await res.text()
            break
          }
          if (performance.now() - started > 30_000) throw new Error('the server answered no 200 within 30 s')
          await new Promise((resolve) => setTimeout(resolve, 5))
        }
        coldMs.push(performance.now() - started)
        const cookie = await signIn(url, `http://localhost:${COLD_PORT}`, ADMIN.email, ADMIN.password)
        const t0 = performance.now()
        const grid = await fetch(`${url}/admin/emails`, { headers: { Cookie: cookie } })
        if (grid.status !== 200 || !(await grid.text()).includes('</html>')) throw new Error(`the first /admin/emails answered ${grid.status}`)
        firstGridMs.push(performance.now() - t0)
      } finally {
        await stopAndWait(cold)
      }
    }

    progress('starting Courrier, the framework floor and the bare baseline')
    app = await start('node', [...nodeArgs, 'server.mjs'], appEnv(APP_PORT), /listening/)
    const appUrl = `http://127.0.0.1:${APP_PORT}`
    const phases: Array<[string, number]> = []
    const phase = (name: string) => phases.push([name, peakRssMb(app!.pid!)])
    phase('start')
    const page = await (await fetch(`${appUrl}/signup`, { headers: { 'Accept-Language': 'fr' } })).text()
    writeFileSync('bench/results/signup-page.html', page)
    baseline = await start('node', ['bench/baseline-server.mjs'], { PORT: String(BASELINE_PORT), BASELINE_PAGE: 'bench/results/signup-page.html' }, /ready/)
    floor = await start(
      'node',
      [...nodeArgs, 'bench/floor/server.mjs'],
      { ...startEnv, NODE_ENV: 'production', PORT: String(FLOOR_PORT), FLOOR_BUILD_DIR: `${process.cwd()}/${FLOOR_BUILD}`, RESEND_BASE_URL: resend.url },
      /listening/,
    )
    const baseUrl = `http://127.0.0.1:${BASELINE_PORT}`
    const floorUrl = `http://127.0.0.1:${FLOOR_PORT}`
    const floorPage = await fetch(`${floorUrl}/signup`)
    if (floorPage.status !== 200 || !(await floorPage.text()).includes('Créer votre compte')) throw new Error(`the floor's /signup answered ${floorPage.status}`)

    // 2. /signup server renders per second, against the floor's page and the same bytes served static.
    const get = { duration: DURATION, headers: { 'accept-language': 'fr' } }
    const pages = await inTurns('/signup', {
      bare: () => load({ url: `${baseUrl}/signup`, ...get }),
      floor: () => load({ url: `${floorUrl}/signup`, ...get }),
      courrier: () => load({ url: `${appUrl}/signup`, ...get }),
      // Any cookie but the language's makes the server render the page for this request (the cache of
      // signed-out pages, app/http/page-cache.server.ts, is for visitors without one).
      rendered: () => load({ url: `${appUrl}/signup`, duration: DURATION, headers: { ...get.headers, cookie: 'bench=render' } }),
    })
    phase('pages')
    reported('bare node:http, /signup bytes served static (physical limit)', pages.bare!.rps, 'req/s', pages.bare!.spread)
    reported('framework floor: minimal React Router page, same markup', pages.floor!.rps, 'req/s', `${pages.floor!.spread}; ${round(pages.floor!.rps / pages.bare!.rps)} × bare`)
    ratioRow(
      '/signup page renders',
      pages.courrier!.rps,
      pages.floor!.rps,
      'req/s',
      '≥ 1.0 × floor',
      (r) => r >= 1.0,
      `p99 ${pages.courrier!.p99} ms; ${pages.courrier!.spread}; ${round(pages.courrier!.rps / pages.bare!.rps)} × bare; signed-out pages are kept per language`,
    )
    reported(
      '/signup rendered on every request (page cache bypassed)',
      pages.rendered!.rps,
      'req/s',
      `p99 ${pages.rendered!.p99} ms; ${pages.rendered!.spread}; ${round(pages.rendered!.rps / pages.floor!.rps)} × floor`,
    )

    // 3. Signed Stripe and Resend webhooks handled per second, each a new event, against the floor's empty action.
    const stripeRequest = (url: string) =>
      signedPosts(url, () => {
        const { payload, signature } = signedWebhook()
        return { body: payload, headers: { 'stripe-signature': signature } }
      })
    const resendRequest = (url: string) =>
      signedPosts(url, () => {
        const { payload, headers } = signedResendDelivery(RESEND_SECRET)
        return { body: payload, headers }
      })
    const hooks = await inTurns('webhooks', {
      bare: () => load(stripeRequest(`${baseUrl}/webhooks/stripe`)),
      floor: () => load(stripeRequest(`${floorUrl}/webhooks/stripe`)),
      stripe: () => load(stripeRequest(`${appUrl}/webhooks/stripe`)),
      resend: () => load(resendRequest(`${appUrl}/webhooks/resend`)),
    })
    phase('webhooks')
    reported('bare node:http, read the POST and answer JSON (physical limit)', hooks.bare!.rps, 'req/s', hooks.bare!.spread)
    reported('framework floor: empty resource-route action', hooks.floor!.rps, 'req/s', `${hooks.floor!.spread}; ${round(hooks.floor!.rps / hooks.bare!.rps)} × bare`)
    ratioRow(
      'Stripe webhook deliveries (verify, record, enqueue)',
      hooks.stripe!.rps,
      hooks.floor!.rps,
      'req/s',
      '≥ 0.7 × floor',
      (r) => r >= 0.7,
      `p99 ${hooks.stripe!.p99} ms; ${hooks.stripe!.spread}; ${round(hooks.stripe!.rps / hooks.bare!.rps)} × bare`,
    )
    ratioRow(
      'Resend webhook deliveries (verify, record once, attribute, count)',
      hooks.resend!.rps,
      hooks.floor!.rps,
      'req/s',
      'reported',
      () => true,
      `p99 ${hooks.resend!.p99} ms; ${hooks.resend!.spread}`,
    )

    // 4. The welcome email's step through /api/inngest, against a bare loop of render() and the same send,
    // and against the floor's function of one step doing that very send through inngest/remix (what the
    // SDK's call protocol and the framework cost a step, whatever the step does).
    const userId = userIdOf('.tmp/bench/app.db', ADMIN.email)
    const stepRuns: number[] = []
    const floorStepRuns: number[] = []
    const bareRuns: number[] = []
    for (let run = 1; run <= RUNS; run++) {
      progress(`welcome step: bare render() + send, run ${run} of ${RUNS}`)
      bareRuns.push(await bareWelcomeSends(resend.url, DURATION))
      progress(`welcome step: the floor's step through inngest/remix, run ${run} of ${RUNS}`)
      const floorSteps = await welcomeSteps(floorUrl, userId, DURATION, { fnId: 'floor-welcome' })
      if (floorSteps.non2xx || floorSteps.errors) throw new Error(`the floor's /api/inngest answered ${floorSteps.non2xx} non-2xx responses and ${floorSteps.errors} errors`)
      floorStepRuns.push(floorSteps.rps)
      progress(`welcome step: through /api/inngest, run ${run} of ${RUNS}`)
      const steps = await welcomeSteps(appUrl, userId, DURATION)
      if (steps.non2xx || steps.errors) throw new Error(`/api/inngest answered ${steps.non2xx} non-2xx responses and ${steps.errors} errors`)
      stepRuns.push(steps.rps)
    }
    phase('welcome steps')
    reported('bare loop: welcome render() + POST to the Resend double', median(bareRuns), 'sends/s', spread(bareRuns, ' sends/s'))
    reported(
      "framework floor: the bare loop's send as the step of an Inngest function (inngest/remix)",
      median(floorStepRuns),
      'steps/s',
      `${spread(floorStepRuns, ' steps/s')}; ${round(median(floorStepRuns) / median(bareRuns))} × bare loop`,
    )
    ratioRow(
      'welcome-email step executions through /api/inngest',
      median(stepRuns),
      median(bareRuns),
      'steps/s',
      '≥ 0.5 × bare loop',
      (r) => r >= 0.5,
      `${spread(stepRuns, ' steps/s')}; ${round(median(stepRuns) / median(floorStepRuns))} × the floor's step`,
    )

    // 5. Signup POST, reported on its own: its cost is the password hash, by design.
    const signupRuns: LoadResult[] = []
    for (let run = 1; run <= RUNS; run++) {
      progress(`signup POST, run ${run} of ${RUNS}`)
      signupRuns.push(
        await load({
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
        }),
      )
    }
    phase('signups')
    // Every signup answers 302 (to the dashboard), which autocannon counts as non-2xx; errors are failures.
    const signupRps = signupRuns.map((r) => r.rps)
    rows.push({
      figure: 'signup POST (scrypt N=2^13 r=8 p=10 included)',
      value: median(signupRps),
      unit: 'req/s',
      target: 'reported',
      met: signupRuns.every((r) => r.errors === 0),
      note: `p99 ${median(signupRuns.map((r) => r.p99ms))} ms, ${spread(signupRps, ' req/s')}`,
    })

    // 6. Studio grid: every template × fr/en/es in one server render, against bare render() calls.
    progress('studio grid')
    const cookie = await signIn(appUrl, `http://localhost:${APP_PORT}`, ADMIN.email, ADMIN.password)
    const grid = await gridRender(appUrl, cookie)
    phase('grid')
    ratioRow(
      'studio grid, one GET (renders kept: a cached grid)',
      grid.gridMs,
      grid.bareMs,
      'ms',
      '≤ 1.15 × bare render() sum',
      (r) => r <= 1.15,
      `${grid.cells} cells, median of ${grid.runs}`,
    )
    rows.push({
      figure: 'first studio grid after start (renders and checks)',
      value: Math.round(median(firstGridMs)),
      unit: 'ms',
      baseline: grid.bareMs,
      ratio: round(median(firstGridMs) / grid.bareMs, 2),
      target: '≤ 1500 ms',
      met: median(firstGridMs) <= 1500,
      note: `${spread(firstGridMs, ' ms')}; baseline: the bare render() sum`,
    })
    rows.push({
      figure: 'cold start: npm start to the first 200',
      value: Math.round(median(coldMs)),
      unit: 'ms',
      target: '≤ 1000 ms',
      met: median(coldMs) <= 1000,
      note: spread(coldMs, ' ms'),
    })

    // 7. The analytics page over 90 days with a million stored webhook events (issue 14: under 200 ms).
    progress('analytics page')
    const analytics = await analyticsPage(appUrl, cookie)
    phase('analytics')
    rows.push({
      figure: `analytics page, 90 days, ${STORED_EVENTS.toLocaleString('en')} stored webhook events`,
      value: analytics.pageMs,
      unit: 'ms',
      baseline: analytics.signupMs,
      ratio: round(analytics.pageMs / analytics.signupMs, 2),
      target: '≤ 200 ms',
      met: analytics.pageMs <= 200,
      note: `median of 9 (${analytics.spread}), ${Math.round(analytics.bytes / 1024)} KB; baseline: /signup in the same rounds`,
    })

    // 8. Outbox relay to a loopback event API.
    const relays: Array<{ perSecond: number; events: number; ms: number }> = []
    for (let run = 1; run <= RUNS; run++) {
      progress(`outbox relay, run ${run} of ${RUNS}`)
      relays.push(await relayThroughput(eventApi.url))
    }
    const relayRate = median(relays.map((r) => r.perSecond))
    rows.push({
      figure: 'outbox relay delivery',
      value: relayRate,
      unit: 'events/s',
      target: '≥ 20,000 events/s',
      met: relayRate >= 20_000,
      note: `${relays[0]!.events} events a run; ${spread(
        relays.map((r) => r.perSecond),
        ' events/s',
      )}`,
    })

    // 9. Peak memory of the server after all of the above, and where it rose.
    const rss = peakRssMb(app.pid!)
    rows.push({
      figure: 'server peak RSS through the whole benchmark',
      value: rss,
      unit: 'MB',
      target: '≤ 160 MB',
      met: rss <= 160,
      note: phases.map(([p, mb]) => `${p} ${mb}`).join(', '),
    })
    reported('framework floor peak RSS', peakRssMb(floor.pid!), 'MB')
  } finally {
    await Promise.all([stopAndWait(app), stopAndWait(baseline), stopAndWait(floor)])
    await eventApi.close()
    await resend.close()
  }

  console.log('')
  console.table(
    rows.map((r) => ({
      figure: r.figure,
      value: `${r.value} ${r.unit}`,
      baseline: r.baseline ?? '',
      ratio: r.ratio ?? '',
      target: r.target,
      met: r.met ? 'yes' : 'NO',
      note: r.note ?? '',
    })),
  )
  const file = `bench/results/${new Date().toISOString().replace(/[:.]/g, '-')}.json`
  writeFileSync(file, JSON.stringify({ at: new Date().toISOString(), node: process.version, cpus: cpus().length, rows }, null, 2))
  console.log(`saved ${file}`)
  const missed = rows.filter((r) => !r.met)
  if (missed.length) {
    console.log(`missed: ${missed.map((r) => r.figure).join('; ')}`)
    process.exitCode = 1
  }
}

await main()
