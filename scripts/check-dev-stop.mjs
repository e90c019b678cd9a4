// `npm run check:dev-stop`: proves that SIGTERM to `npm run dev` stops everything it started. It starts
// scripts/dev.mjs on a spare port, waits for its "Courrier is running" block, lists the processes it
// started, sends SIGTERM (what an editor's stop button sends), and fails unless the script exits, every
// one of those processes is gone and the port is free again.
import { execFileSync, spawn } from 'node:child_process'
import { createServer } from 'node:net'

const port = process.env.CHECK_PORT ?? '5199'
const fail = (message) => {
  console.error(`check:dev-stop: FAILED: ${message}`)
  process.exit(1)
}
/** Every descendant of a process, from `ps` (Linux and macOS). */
function descendants(pid) {
  const rows = execFileSync('ps', ['-A', '-o', 'pid=,ppid='], { encoding: 'utf8' })
    .trim()
    .split('\n')
    .map((line) => line.trim().split(/\s+/).map(Number))
  const found = []
  const walk = (parent) => {
    for (const [child, ppid] of rows) {
      if (ppid !== parent) continue
      found.push(child)
      walk(child)
    }
  }
  walk(pid)
  return found
}
const alive = (pid) => {
  try {
    process.kill(pid, 0)
    return true
  } catch {
    return false
  }
}
const portFree = () =>
  new Promise((resolve) => {
    const server = createServer()
      .once('error', () => resolve(false))
      .listen(Number(port), () => server.close(() => resolve(true)))
  })

const dev = spawn('node', ['scripts/dev.mjs'], {
  env: { ...process.env, PORT: port, APP_URL: `http://localhost:${port}`, DATABASE_URL: `.tmp/check-dev-stop.db` },
  stdio: ['ignore', 'pipe', 'inherit'],
})
let output = ''
dev.stdout.on('data', (chunk) => (output += chunk))
const deadline = Date.now() + 120_000
while (!output.includes('Courrier is running')) {
  if (Date.now() > deadline) fail('npm run dev did not print its block within 120 s')
  if (dev.exitCode !== null) fail(`npm run dev exited early:\n${output}`)
  await new Promise((resolve) => setTimeout(resolve, 200))
}
const started = descendants(dev.pid)
const names = Object.fromEntries(
  started.map((pid) => [
    pid,
    execFileSync('ps', ['-o', 'args=', '-p', String(pid)], { encoding: 'utf8' })
      .trim()
      .slice(0, 80),
  ]),
)
console.log(`check:dev-stop: dev.mjs (${dev.pid}) runs ${started.length} processes: ${started.map((pid) => `${pid} ${names[pid]}`).join('; ')}; sending SIGTERM`)
const exited = new Promise((resolve) => dev.once('exit', resolve))
dev.kill('SIGTERM')
await Promise.race([exited, new Promise((resolve) => setTimeout(resolve, 10_000))])
if (dev.exitCode === null && dev.signalCode === null) fail('dev.mjs is still running 10 s after SIGTERM')
// The script waits for its children before exiting; a grandchild may take a moment after its parent.
let survivors = started.filter(alive)
for (let i = 0; i < 20 && survivors.length > 0; i++) {
  await new Promise((resolve) => setTimeout(resolve, 100))
  survivors = started.filter(alive)
}
if (survivors.length > 0) fail(`still running after SIGTERM: ${survivors.map((pid) => `${pid} ${names[pid]}`).join(', ')}`)
if (!(await portFree())) fail(`port ${port} is still taken after SIGTERM`)
console.log(`check:dev-stop: passed: dev.mjs exited (${dev.exitCode ?? dev.signalCode}), none of its ${started.length} processes survived, port ${port} is free`)
