// `npx tsx bench/first-grid.ts [runs] [--build <dir>] [--prof <dir>]`: the bench's "first grid after start"
// alone, with the server's CPU time for that request (from /proc, robust to other load on the machine).
// Each run starts the production server cold (npm start's flags), signs the admin in and times the first
// GET /admin/emails. --build compares another build directory (e.g. one built from main); --prof writes
// a CPU profile per run and prints the request's window (monotonic µs) for cutting it.
import { rmSync, mkdirSync } from 'node:fs'
import { spawnSync } from 'node:child_process'
import { startCommand } from '../test/start-command'
import { cpuMs, median, spread, start, stopAndWait } from './lib'
import { signIn } from './grid'

const PORT = 4906
const ADMIN = { email: 'bench-admin@courrier.test', password: 'bench admin password 2026' }
const arg = (name: string) => (process.argv.includes(name) ? process.argv[process.argv.indexOf(name) + 1] : undefined)
const runs = Number(process.argv[2]) || 3
const profDir = arg('--prof')

const { env: startEnv, nodeArgs } = startCommand()
const env = {
  ...startEnv,
  NODE_ENV: 'production',
  BUILD_DIR: arg('--build') ?? 'build',
  PORT: String(PORT),
  HOST: '127.0.0.1',
  APP_URL: `http://localhost:${PORT}`,
  DATABASE_URL: '.tmp/first-grid/app.db',
  SESSION_SECRET: 'bench-session-secret-0123456789abcdef0123456789',
  INNGEST_DEV: '1',
  INNGEST_BASE_URL: 'http://127.0.0.1:9',
  OUTBOX_RELAY: '0',
  STRIPE_WEBHOOK_SECRET: 'whsec_bench_only_0123456789',
  RESEND_API_KEY: 're_bench_only',
  RESEND_BASE_URL: 'http://127.0.0.1:9',
  RESEND_WEBHOOK_SECRET: `whsec_${Buffer.from('bench-only-resend-webhook-key').toString('base64')}`,
  RATE_LIMIT_PER_MINUTE: '100000000',
  ADMIN_EMAIL: ADMIN.email,
  ADMIN_PASSWORD: ADMIN.password,
}
rmSync('.tmp/first-grid', { recursive: true, force: true })
mkdirSync('.tmp/first-grid', { recursive: true })
const seeded = spawnSync('npx', ['tsx', 'scripts/seed.ts'], { env: { ...process.env, ...env }, encoding: 'utf8' })
if (seeded.status !== 0) throw new Error(`seeding the admin failed: ${seeded.stderr}`)

const wall: number[] = []
const cpu: number[] = []
for (let run = 1; run <= runs; run++) {
  const server = await start('node', [...nodeArgs, ...(profDir ? ['--cpu-prof', `--cpu-prof-dir=${profDir}`] : []), 'server.mjs'], env, /listening/)
  try {
    const url = `http://127.0.0.1:${PORT}`
    const cookie = await signIn(url, `http://localhost:${PORT}`, ADMIN.email, ADMIN.password)
    const cpu0 = cpuMs(server.pid!)
    const from = process.hrtime.bigint() / 1000n
    const t0 = performance.now()
    const res = await fetch(`${url}/admin/emails`, { headers: { Cookie: cookie } })
    if (res.status !== 200 || !(await res.text()).includes('</html>')) throw new Error(`the first /admin/emails answered ${res.status}`)
    wall.push(Math.round(performance.now() - t0))
    cpu.push(Math.round(cpuMs(server.pid!) - cpu0))
    if (profDir) console.log(`run ${run}: request window ${from}–${process.hrtime.bigint() / 1000n} µs (monotonic)`)
    console.log(`run ${run}: first grid ${wall.at(-1)} ms wall, ${cpu.at(-1)} ms CPU`)
  } finally {
    if (profDir) server.kill('SIGINT')
    await stopAndWait(server)
  }
}
console.log(`first grid after start (${env.BUILD_DIR}, ${runs} runs): ${median(wall)} ms wall (${spread(wall, ' ms')}), ${median(cpu)} ms CPU (${spread(cpu, ' ms')})`)
