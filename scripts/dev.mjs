// `npm run dev`: the app on Vite's dev server with INNGEST_DEV=1 (the SDK then talks to a local Inngest
// dev server instead of Inngest Cloud), plus that dev server when inngest-cli is installed.
import { spawn, spawnSync } from 'node:child_process'
import { existsSync } from 'node:fs'

const port = process.env.PORT ?? '5173'
const env = { ...process.env, INNGEST_DEV: process.env.INNGEST_DEV ?? '1', APP_URL: process.env.APP_URL ?? `http://localhost:${port}` }
const children = []

function run(command, args, name) {
  const child = spawn(command, args, { stdio: 'inherit', env })
  child.on('exit', (code) => {
    console.log(`[dev] ${name} exited (${code})`)
    if (name === 'app') shutdown(code ?? 0)
  })
  children.push(child)
  return child
}

function shutdown(code) {
  for (const child of children) child.kill('SIGTERM')
  process.exit(code)
}
process.on('SIGINT', () => shutdown(0))
process.on('SIGTERM', () => shutdown(0))

run('npx', ['react-router', 'dev', '--port', port, '--strictPort'], 'app')

const cli = 'node_modules/.bin/inngest-cli'
const works = existsSync(cli) && spawnSync(cli, ['version'], { stdio: 'ignore' }).status === 0
if (works) {
  run(cli, ['dev', '--no-discovery', '-u', `http://localhost:${port}/api/inngest`], 'inngest')
  console.log('[dev] Inngest dev server: http://localhost:8288')
} else {
  console.log(
    [
      '',
      '[dev] The Inngest dev server (inngest-cli) is not installed, so background functions will not run.',
      '[dev] Signups still work: their events wait in the outbox and are delivered once it is running.',
      `[dev] Start it in another terminal:  npx inngest-cli@latest dev -u http://localhost:${port}/api/inngest`,
      '',
    ].join('\n'),
  )
}
