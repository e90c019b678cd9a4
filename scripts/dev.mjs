/* global AbortSignal, clearTimeout */
// `npm run dev`: the app on Vite's dev server with INNGEST_DEV=1 (the SDK then talks to a local Inngest
// dev server instead of Inngest Cloud), plus that dev server when inngest-cli is installed. Once the app
// answers, it prints one block: where the app, the studio and the mailbox are, how to get a studio
// account, and whether Inngest's dev server runs.
//
// Every child runs in its own process group (detached), so stopping this script (Ctrl-C, SIGTERM from an
// editor's stop button, SIGHUP from a closed terminal) stops the whole group: Vite's server included,
// which used to survive `npx`'s exit and keep the port.
import { spawn, spawnSync } from 'node:child_process'
import { existsSync } from 'node:fs'

const port = process.env.PORT ?? '5173'
const appUrl = process.env.APP_URL ?? `http://localhost:${port}`
const inngestUrl = process.env.INNGEST_BASE_URL ?? 'http://127.0.0.1:8288'
const env = { ...process.env, INNGEST_DEV: process.env.INNGEST_DEV ?? '1', APP_URL: appUrl }
const children = []
let stopping = false

function run(command, args, name, { quiet = false } = {}) {
  // No stdin: a child in a process group of its own that read the terminal would be stopped (SIGTTIN).
  const child = spawn(command, args, { stdio: ['ignore', quiet ? 'ignore' : 'inherit', 'inherit'], env, detached: true })
  child.on('exit', (code, signal) => {
    children.splice(children.indexOf(child), 1)
    if (stopping) return
    console.log(`[dev] ${name} stopped (${signal ?? code})`)
    if (name === 'app') stop(code ?? 1)
  })
  children.push(child)
  return child
}

/** Signals every child's process group, waits for them (5 s, then SIGKILL), then exits. */
function stop(code = 0) {
  if (stopping) return
  stopping = true
  const signalAll = (signal) => {
    for (const child of children) {
      try {
        process.kill(-child.pid, signal)
      } catch {
        // Already gone.
      }
    }
  }
  signalAll('SIGTERM')
  const force = setTimeout(() => signalAll('SIGKILL'), 5_000)
  const done = () => {
    if (children.length > 0) return setTimeout(done, 50)
    clearTimeout(force)
    process.exit(code)
  }
  done()
}
for (const signal of ['SIGINT', 'SIGTERM', 'SIGHUP']) process.on(signal, () => stop(0))

run('node_modules/.bin/react-router', ['dev', '--port', port, '--strictPort'], 'app')

const cli = 'node_modules/.bin/inngest-cli'
const cliWorks = existsSync(cli) && spawnSync(cli, ['version'], { stdio: 'ignore' }).status === 0
if (cliWorks) run(cli, ['dev', '--no-discovery', '-u', `${appUrl}/api/inngest`], 'inngest', { quiet: true })

const reachable = (url) =>
  fetch(url, { signal: AbortSignal.timeout(1_000) }).then(
    () => true,
    () => false,
  )

/** Waits for the app to answer (Vite has printed its own lines by then), then prints the block. */
async function announce() {
  for (let i = 0; i < 240 && !stopping; i++) {
    if (await reachable(`${appUrl}/login`)) break
    await new Promise((resolve) => setTimeout(resolve, 500))
  }
  if (stopping) return
  let inngest = await reachable(inngestUrl)
  for (let i = 0; cliWorks && !inngest && i < 20; i++) {
    await new Promise((resolve) => setTimeout(resolve, 500))
    inngest = await reachable(inngestUrl)
  }
  const start = `npx inngest-cli@latest dev -u ${appUrl}/api/inngest`
  const lines = [
    '',
    '  Courrier is running',
    '',
    `  App       ${appUrl}`,
    `  Studio    ${appUrl}/admin   (mailbox: ${appUrl}/admin/mailbox)`,
    `            no studio account yet? run  npm run studio:account`,
    inngest
      ? `  Inngest   running: ${inngestUrl.replace('127.0.0.1', 'localhost')}   (emails are sent to the local mailbox)`
      : `  Inngest   NOT running: emails wait in the outbox. Start it in another terminal:\n            ${start}`,
    '',
  ]
  console.log(lines.join('\n'))
}
void announce()
