// Start-up memory of the production server, as `npm start` runs it (its env assignments and node flags),
// for one or more builds side by side: `node bench/startup-rss.mjs [--runs N] build [build-other …]`.
// Each run starts a fresh process and reads /proc/<pid>/status (VmRSS, VmHWM) once it listens, after
// the first 200 on /login, and after one render of the studio grid (/admin/emails, signed in as a
// seeded admin). Builds are started in turn, run after run, so a busy machine weighs on each alike.
// Prints each run and the medians, in MB. Used for docs/decisions/0010-react-email-packages.md.
import { spawn, spawnSync } from 'node:child_process'
import { mkdirSync, readFileSync, rmSync } from 'node:fs'
import { createServer } from 'node:net'
import { URLSearchParams } from 'node:url'

const args = process.argv.slice(2)
const runsAt = args.indexOf('--runs')
const runs = runsAt >= 0 ? Number(args.splice(runsAt, 2)[1]) : 3
const builds = args.length ? args : ['build']
// A port nobody listens on (a server left on a fixed one would answer instead of the one measured).
const PORT = await new Promise((resolve) => {
  const probe = createServer().listen(0, '127.0.0.1', () => {
    const { port } = probe.address()
    probe.close(() => resolve(port))
  })
})
const ADMIN = { email: 'rss-admin@courrier.test', password: 'rss admin password 2026' }

// `npm start` = "<VAR=value …> node <flags> server.mjs"
const start = JSON.parse(readFileSync('package.json', 'utf8')).scripts.start
const [, assignments, flags] = /^((?:\w+=\S+\s+)*)node\s+(.*?)\s*server\.mjs$/.exec(start.trim())
const startEnv = Object.fromEntries(assignments.split(/\s+/).filter(Boolean).map((pair) => pair.split('=')))
const nodeArgs = flags.split(/\s+/).filter(Boolean)

rmSync('.tmp/rss', { recursive: true, force: true })
mkdirSync('.tmp/rss', { recursive: true })
const appEnv = {
  PORT: String(PORT),
  HOST: '127.0.0.1',
  APP_URL: `http://localhost:${PORT}`,
  DATABASE_URL: '.tmp/rss/app.db',
  SESSION_SECRET: 'rss-session-secret-0123456789abcdef0123456789abcd',
  STRIPE_WEBHOOK_SECRET: 'whsec_rss_only_0123456789',
  INNGEST_DEV: '1',
  OUTBOX_RELAY: '0',
  RATE_LIMIT_PER_MINUTE: '100000',
  // Nothing may leave the machine: vendors on a closed loopback port.
  INNGEST_BASE_URL: 'http://127.0.0.1:9',
  STRIPE_API_URL: 'http://127.0.0.1:9',
  RESEND_BASE_URL: 'http://127.0.0.1:9',
  ADMIN_EMAIL: ADMIN.email,
  ADMIN_PASSWORD: ADMIN.password,
}
const seeded = spawnSync('npx', ['tsx', 'scripts/seed.ts'], { env: { ...process.env, ...appEnv }, encoding: 'utf8' })
if (seeded.status !== 0) throw new Error(`seeding the admin failed: ${seeded.stderr}`)

const mb = (status, field) => Math.round((Number(new RegExp(`${field}:\\s+(\\d+) kB`).exec(status)?.[1]) / 1024) * 10) / 10
const memory = (pid) => {
  const status = readFileSync(`/proc/${pid}/status`, 'utf8')
  return { rss: mb(status, 'VmRSS'), hwm: mb(status, 'VmHWM') }
}
const median = (values) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)]

async function measure(buildDir) {
  const child = spawn('node', [...nodeArgs, 'server.mjs'], {
    env: { PATH: process.env.PATH, ...startEnv, NODE_ENV: 'production', BUILD_DIR: buildDir, ...appEnv },
    stdio: ['ignore', 'pipe', 'pipe'],
  })
  let output = ''
  child.stdout.on('data', (c) => (output += c))
  child.stderr.on('data', (c) => (output += c))
  const exited = new Promise((resolve) => child.on('exit', resolve))
  // Interrupted (Ctrl-C, a closed pipe), the script takes its server with it.
  const stopChild = () => child.kill('SIGTERM')
  process.once('exit', stopChild)
  try {
    while (!output.includes('listening')) {
      if (child.exitCode !== null) throw new Error(`${buildDir}: server exited:\n${output}`)
      await new Promise((resolve) => setTimeout(resolve, 25))
    }
    const url = `http://127.0.0.1:${PORT}`
    const listening = memory(child.pid)
    const page = await fetch(`${url}/login`)
    await page.text()
    if (page.status !== 200) throw new Error(`${buildDir}: /login answered ${page.status}`)
    const login = memory(child.pid)
    const signIn = await fetch(`${url}/login`, {
      method: 'POST',
      redirect: 'manual',
      headers: { 'Content-Type': 'application/x-www-form-urlencoded', Origin: appEnv.APP_URL },
      body: new URLSearchParams(ADMIN).toString(),
    })
    const cookie = signIn.headers.getSetCookie().find((c) => c.startsWith('__session='))?.split(';')[0]
    if (signIn.status !== 302 || !cookie) throw new Error(`${buildDir}: sign-in answered ${signIn.status}`)
    const grid = await fetch(`${url}/admin/emails`, { headers: { Cookie: cookie } })
    const html = await grid.text()
    if (grid.status !== 200 || !html.includes('</html>')) throw new Error(`${buildDir}: /admin/emails answered ${grid.status}`)
    return { listening, login, grid: memory(child.pid) }
  } finally {
    child.kill('SIGTERM')
    await exited
    process.off('exit', stopChild)
  }
}

const results = Object.fromEntries(builds.map((b) => [b, []]))
for (let run = 1; run <= runs; run++) {
  for (const build of builds) {
    const r = await measure(build)
    results[build].push(r)
    console.log(
      `run ${run} ${build.padEnd(20)} listening RSS ${r.listening.rss}  /login RSS ${r.login.rss} HWM ${r.login.hwm}  grid RSS ${r.grid.rss} HWM ${r.grid.hwm}`,
    )
  }
}
console.log(`\nmedians of ${runs} runs (MB), ${process.version}, ${start}`)
for (const build of builds) {
  const rs = results[build]
  const m = (pick) => median(rs.map(pick))
  console.log(
    `${build.padEnd(20)} listening RSS ${m((r) => r.listening.rss)}  /login RSS ${m((r) => r.login.rss)} HWM ${m((r) => r.login.hwm)}  grid RSS ${m((r) => r.grid.rss)} HWM ${m((r) => r.grid.hwm)}`,
  )
}
