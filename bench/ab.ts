// Before/after for one lever, in the same run: `npx tsx bench/ab.ts <label>=<build dir>[:<server script>] …`
// starts each variant as `npm start` runs the server (its node flags and environment) on its own port,
// then loads /signup, the signed Stripe webhook and the welcome step through /api/inngest in turns
// (BENCH_RUNS runs of BENCH_SECONDS each, default 3 × 5 s), and prints each variant's medians and spread,
// its start-up time to the first 200 and its peak RSS. Used for docs/decisions/0008-performance.md.
import './production-like-env'
import Stripe from 'stripe'
import { mkdirSync, rmSync } from 'node:fs'
import { spawnSync, type ChildProcess } from 'node:child_process'
import { sampleSubscriptionEvent } from '../app/billing/sample-events'
import { startInngestEventApi } from '../test/mocks/inngest-event-api.mjs'
import { startResendDouble } from '../test/mocks/resend-api'
import { startCommand } from '../test/start-command'
import { cpuMs, load, median, peakRssMb, progress, spread, start, stopAndWait } from './lib'
import { userIdOf, welcomeSteps } from './welcome'

const DURATION = Number(process.env.BENCH_SECONDS ?? 5)
const RUNS = Number(process.env.BENCH_RUNS ?? 3)
const SECRET = 'whsec_bench_only_0123456789'
const ADMIN = { email: 'ab-admin@courrier.test', password: 'ab admin password 2026' }
const variants = process.argv.slice(2).map((arg, i) => {
  const [label, spec] = arg.split('=') as [string, string]
  const [buildDir, script = 'server.mjs'] = spec.split(':') as [string, string?]
  return { label, buildDir, script, port: 4910 + i }
})
if (!variants.length) throw new Error('usage: tsx bench/ab.ts before=build-before after=build[:server.mjs] …')

const stripe = new Stripe('sk_test_bench_only')
rmSync('.tmp/ab', { recursive: true, force: true })
mkdirSync('.tmp/ab', { recursive: true })
const eventApi = await startInngestEventApi()
const resend = await startResendDouble({ port: 4920 })
const { env: startEnv, nodeArgs } = startCommand()
const envFor = (port: number, buildDir: string) => ({
  ...startEnv,
  NODE_ENV: 'production',
  BUILD_DIR: buildDir,
  PORT: String(port),
  HOST: '127.0.0.1',
  APP_URL: `http://localhost:${port}`,
  DATABASE_URL: '.tmp/ab/app.db',
  SESSION_SECRET: 'bench-session-secret-0123456789abcdef0123456789',
  INNGEST_DEV: '1',
  INNGEST_BASE_URL: eventApi.url,
  OUTBOX_RELAY: '1',
  STRIPE_WEBHOOK_SECRET: SECRET,
  RESEND_API_KEY: 're_bench_only',
  RESEND_BASE_URL: resend.url,
  RESEND_WEBHOOK_SECRET: `whsec_${Buffer.from('bench-only-resend-webhook-key').toString('base64')}`,
  RATE_LIMIT_PER_MINUTE: '100000000',
  ADMIN_EMAIL: ADMIN.email,
  ADMIN_PASSWORD: ADMIN.password,
})
const seeded = spawnSync('npx', ['tsx', 'scripts/seed.ts'], { env: { ...process.env, ...envFor(4910, 'build') }, encoding: 'utf8' })
if (seeded.status !== 0) throw new Error(`seeding failed: ${seeded.stderr}`)
const userId = userIdOf('.tmp/ab/app.db', ADMIN.email)

const servers: ChildProcess[] = []
const results = new Map<string, Record<string, number[]>>()
try {
  for (const v of variants) {
    const coldMs: number[] = []
    for (let run = 0; run < RUNS; run++) {
      const t0 = performance.now()
      const child = await start('node', [...nodeArgs, v.script], envFor(v.port, v.buildDir), /listening/)
      for (;;) {
        const res = await fetch(`http://127.0.0.1:${v.port}/signup`).catch(() => null)
        if (res?.status === 200) break
        await new Promise((resolve) => setTimeout(resolve, 5))
      }
      coldMs.push(performance.now() - t0)
      if (run < RUNS - 1) await stopAndWait(child)
      else servers.push(child)
    }
    results.set(v.label, { cold: coldMs, page: [], stripe: [], step: [] })
  }
  for (let run = 1; run <= RUNS; run++) {
    for (const v of variants) {
      const url = `http://127.0.0.1:${v.port}`
      const r = results.get(v.label)!
      progress(`${v.label}, run ${run} of ${RUNS}`)
      const pid = servers[variants.indexOf(v)]!.pid!
      // CPU ms of the server per 1,000 requests: what a lever saves, whatever else the machine is doing.
      const perThousand = async <T extends { rps: number; total: number }>(key: string, go: () => Promise<T>) => {
        const before = cpuMs(pid)
        const result = await go()
        r[`${key}Cpu`] = [...(r[`${key}Cpu`] ?? []), ((cpuMs(pid) - before) / result.total) * 1000]
        return result
      }
      r.page!.push((await perThousand('page', () => load({ url: `${url}/signup`, duration: DURATION, headers: { 'accept-language': 'fr' }, warmupSeconds: 0 }))).rps)
      const hook = await perThousand('stripe', () =>
        load({
          url: `${url}/webhooks/stripe`,
          method: 'POST',
          duration: DURATION,
          requests: [
            {
              method: 'POST',
              setupRequest: (req: any) => {
                const payload = JSON.stringify(sampleSubscriptionEvent({ email: `ab-${crypto.randomUUID()}@example.com`, name: 'AB', locale: 'en' }))
                return {
                  ...req,
                  body: payload,
                  headers: { ...req.headers, 'content-type': 'application/json', 'stripe-signature': stripe.webhooks.generateTestHeaderString({ payload, secret: SECRET }) },
                }
              },
            },
          ],
          warmupSeconds: 0,
        }),
      )
      if (hook.non2xx) throw new Error(`${v.label}: the webhook answered ${hook.non2xx} non-2xx`)
      r.stripe!.push(hook.rps)
      r.step!.push((await perThousand('step', () => welcomeSteps(url, userId, DURATION, { warmupSeconds: 0 }))).rps)
    }
  }
  for (const [i, v] of variants.entries()) {
    const r = results.get(v.label)!
    const cpu = (key: string) => `${Math.round(median(r[`${key}Cpu`]!))} CPU ms/1000 (${spread(r[`${key}Cpu`]!)})`
    console.log(`${v.label.padEnd(10)} CPU per 1,000: /signup ${cpu('page')}  stripe ${cpu('stripe')}  welcome step ${cpu('step')}`)
    console.log(
      `${v.label.padEnd(10)} /signup ${median(r.page!)} req/s (${spread(r.page!)})  stripe ${median(r.stripe!)} req/s (${spread(r.stripe!)})  welcome step ${median(r.step!)}/s (${spread(r.step!)})  cold ${Math.round(median(r.cold!))} ms (${spread(r.cold!)})  peak RSS ${peakRssMb(servers[i]!.pid!)} MB`,
    )
  }
} finally {
  await Promise.all(servers.map(stopAndWait))
  await eventApi.close()
  await resend.close()
}
