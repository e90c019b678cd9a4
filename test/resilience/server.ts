import Database from 'better-sqlite3'
import { spawn, type ChildProcess } from 'node:child_process'
import { createServer as createHttpServer, request as httpRequest, type Server } from 'node:http'
import { createServer } from 'node:net'
import { startCommand } from '../start-command'

export const TEST_SECRETS = {
  SESSION_SECRET: 'resilience-session-secret-0123456789abcdef012345',
  STRIPE_WEBHOOK_SECRET: 'whsec_resilience_only_0123456789',
  INNGEST_SIGNING_KEY: 'signkey-test-0123456789abcdef0123456789abcdef0123456789abcdef01234567',
  INNGEST_EVENT_KEY: 'resilience-event-key',
  RESEND_WEBHOOK_SECRET: `whsec_${Buffer.from('resilience-only-resend-webhook-key').toString('base64')}`,
}

/** Vendor endpoints pointed at a closed loopback port (9, discard), for servers whose test needs no vendor. */
export const LOOPBACK_ONLY = { INNGEST_BASE_URL: 'http://127.0.0.1:9', STRIPE_API_URL: 'http://127.0.0.1:9', RESEND_BASE_URL: 'http://127.0.0.1:9' }

export async function freePort(): Promise<number> {
  return new Promise((resolve) => {
    const server = createServer().listen(0, '127.0.0.1', () => {
      const { port } = server.address() as { port: number }
      server.close(() => resolve(port))
    })
  })
}

export type RunningServer = { url: string; port: number; child: ChildProcess; output: () => string; stop: (signal?: NodeJS.Signals) => Promise<void> }

/** `node server.mjs` on the current build, as `npm start` runs it, with its output collected. */
function spawnServer(env: Record<string, string>) {
  const { env: startEnv, nodeArgs } = startCommand()
  const child = spawn('node', [...nodeArgs, 'server.mjs'], {
    env: { ...startEnv, PATH: process.env.PATH!, BUILD_DIR: process.env.BUILD_DIR ?? 'build', NODE_ENV: 'production', HOST: '127.0.0.1', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  })
  let output = ''
  child.stdout!.on('data', (c: Buffer) => (output += c.toString()))
  child.stderr!.on('data', (c: Buffer) => (output += c.toString()))
  return { child, output: () => output }
}

/** Starts the production server with the given environment and waits until it listens. */
export async function startServer(env: Record<string, string>, port?: number): Promise<RunningServer> {
  const p = port ?? (await freePort())
  const { child, output } = spawnServer({ PORT: String(p), APP_URL: `http://localhost:${p}`, ...env })
  const exited = new Promise<void>((resolve) => child.on('exit', () => resolve()))
  await new Promise<void>((resolve, reject) => {
    const timer = setInterval(() => {
      if (output().includes('listening')) {
        clearInterval(timer)
        resolve()
      } else if (child.exitCode !== null) {
        clearInterval(timer)
        reject(new Error(`server exited (${child.exitCode}):\n${output()}`))
      }
    }, 25)
  })
  return {
    url: `http://127.0.0.1:${p}`,
    port: p,
    child,
    output,
    stop: async (signal: NodeJS.Signals = 'SIGTERM') => {
      if (child.exitCode === null && child.signalCode === null) child.kill(signal)
      await exited
    },
  }
}

/** Runs the server expecting it to refuse to start; resolves with its exit code and output. */
export function startExpectingFailure(env: Record<string, string>): Promise<{ code: number | null; output: string }> {
  return new Promise((resolve) => {
    const { child, output } = spawnServer({ PORT: '0', ...env })
    const timer = setTimeout(() => child.kill('SIGKILL'), 15_000)
    child.on('exit', (code) => {
      clearTimeout(timer)
      resolve({ code, output: output() })
    })
  })
}

export function signupForm(server: RunningServer, fields: Record<string, string>, headers: Record<string, string> = {}) {
  return fetch(`${server.url}/signup`, {
    method: 'POST',
    redirect: 'manual',
    headers: { 'Content-Type': 'application/x-www-form-urlencoded', Origin: `http://localhost:${server.port}`, ...headers },
    body: new URLSearchParams(fields).toString(),
  })
}

/**
 * Moves the outbox's clock on: every pending event of a server's database is due now, as it would be
 * once its backoff has passed. The relay still has to find, claim and deliver each on its own poll.
 */
export function dueNow(dbFile: string) {
  const db = new Database(dbFile)
  try {
    db.pragma('busy_timeout = 5000')
    db.prepare("UPDATE outbox_events SET next_attempt_at = 0 WHERE status = 'pending'").run()
  } finally {
    db.close()
  }
}

/** Signs in through the login form as a browser would; the session cookie (`__session=…`) it gets. */
export async function signIn(server: RunningServer, email: string, password: string): Promise<string> {
  const res = await fetch(`${server.url}/login`, {
    method: 'POST',
    redirect: 'manual',
    headers: { 'Content-Type': 'application/x-www-form-urlencoded', Origin: `http://localhost:${server.port}` },
    body: new URLSearchParams({ email, password }).toString(),
  })
  const cookie = res.headers.getSetCookie().find((c) => c.startsWith('__session='))
  if (!cookie) throw new Error(`login failed for ${email}: ${res.status}`)
  return cookie.split(';')[0]!
}

/** Runs `task` over `items` with at most `limit` at a time. */
export async function pool<T, R>(items: T[], limit: number, task: (item: T, index: number) => Promise<R>): Promise<R[]> {
  const results: R[] = new Array(items.length)
  let next = 0
  await Promise.all(
    Array.from({ length: Math.min(limit, items.length) }, async () => {
      while (next < items.length) {
        const i = next++
        results[i] = await task(items[i]!, i)
      }
    }),
  )
  return results
}

/** status 0: the connection closed before an answer arrived. */
export type Answer = { status: number; headers: Record<string, string | string[] | undefined>; body: string }

/**
 * A request through node:http, which (unlike fetch) sends any Host and method. The body is written in
 * 1 MiB pieces; a server that answers early and closes the connection ends the upload, not the test.
 */
export function send(url: string, { method = 'GET', headers = {}, body }: { method?: string; headers?: Record<string, string | string[]>; body?: Buffer | string } = {}) {
  return new Promise<Answer>((resolve, reject) => {
    const sized = body === undefined || 'Transfer-Encoding' in headers ? headers : { 'Content-Length': String(Buffer.byteLength(body)), ...headers }
    let answered = false
    const req = httpRequest(url, { method, headers: sized }, (res) => {
      answered = true
      let text = ''
      res.on('data', (c: Buffer) => (text += c.toString()))
      res.on('end', () => resolve({ status: res.statusCode!, headers: res.headers, body: text }))
      res.on('error', reject)
    })
    // A hang is a finding too: a request left unanswered this long fails with what it was.
    req.setTimeout(30_000, () => req.destroy(new Error(`no answer in 30 s: ${method} ${url}`)))
    req.on('error', (error: NodeJS.ErrnoException) => {
      // The answer can arrive before the server drops the rest of the upload; only a lost answer fails.
      if (error.code !== 'EPIPE' && error.code !== 'ECONNRESET') reject(error)
    })
    // Status 0: the server closed the connection before its answer arrived (it refused the upload
    // unread, and the client was still sending: the TCP reset can overtake the answer).
    req.on('close', () => {
      if (!answered) resolve({ status: 0, headers: {}, body: '' })
    })
    if (body === undefined) return req.end()
    const data = typeof body === 'string' ? Buffer.from(body) : body
    let offset = 0
    const writeMore = () => {
      while (offset < data.length && !req.destroyed) {
        const piece = data.subarray(offset, offset + 1024 * 1024)
        offset += piece.length
        if (!req.write(piece)) return void req.once('drain', writeMore)
      }
      req.end()
    }
    writeMore()
  })
}
export async function startRegisterDouble() {
  const registered: Array<{ url: string }> = []
  const server: Server = createHttpServer(async (req, res) => {
    const chunks: Buffer[] = []
    for await (const chunk of req) chunks.push(chunk as Buffer)
    if (req.method === 'POST' && req.url?.startsWith('/fn/register')) registered.push(JSON.parse(Buffer.concat(chunks).toString('utf8')))
    res.writeHead(200, { 'Content-Type': 'application/json' })
    res.end(JSON.stringify({ ok: true, modified: true }))
  })
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', () => resolve()))
  const { port } = server.address() as { port: number }
  return { url: `http://127.0.0.1:${port}`, registered, close: () => new Promise<void>((r) => server.close(() => r())) }
}
