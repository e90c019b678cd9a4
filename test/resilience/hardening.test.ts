// The holes an outside probe found (issue 10), each against the production server: /api/inngest's body
// limit and its sync origin, the settings production refuses, TRUST_PROXY as a hop count, HSTS, the
// per-account login limit, methods a route does not serve, and Cache-Control on signed-in answers.
import { createHmac } from 'node:crypto'
import { readFileSync } from 'node:fs'
import { afterAll, beforeAll, describe, expect, test } from 'vitest'
import { LOOPBACK_ONLY, send, signupForm, startRegisterDouble, startExpectingFailure, startServer, TEST_SECRETS, type RunningServer } from './server'

/** The benchmark's ceiling for the server's peak memory (bench/run.ts). */
const RSS_CEILING_MB = 200
const PASSWORD = 'a long enough password'

function peakRssMb(pid: number) {
  const kb = Number(/VmHWM:\s+(\d+)\s+kB/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'))?.[1] ?? 0)
  return kb / 1024
}

const inngestSignature = (body: Buffer | string, ts = Math.floor(Date.now() / 1000)) =>
  `t=${ts}&s=${createHmac('sha256', TEST_SECRETS.INNGEST_SIGNING_KEY.replace(/^signkey-\w+-/, ''))
    .update(body)
    .update(String(ts))
    .digest('hex')}`

describe('/api/inngest in cloud mode', () => {
  let server: RunningServer
  let inngestApi: Awaited<ReturnType<typeof startRegisterDouble>>
  beforeAll(async () => {
    inngestApi = await startRegisterDouble()
    server = await startServer({ ...TEST_SECRETS, ...LOOPBACK_ONLY, INNGEST_BASE_URL: inngestApi.url, DATABASE_URL: `.tmp/test-db/resilience-hardening-${crypto.randomUUID()}.db` })
  })
  afterAll(async () => {
    await server?.stop()
    await inngestApi?.close()
  })

  // 64 MB of JSON, as the probe sent it: one event whose data is a long string.
  const huge = Buffer.concat([Buffer.from('{"event":{"name":"user/registered","data":{"x":"'), Buffer.alloc(64 * 1024 * 1024, 'a'), Buffer.from('"}}}')])
  const endpoint = () => `${server.url}/api/inngest?fnId=courrier-welcome-journey&stepId=step`

  test.each([
    ['an unsigned POST', 'POST', {}, [401]],
    ['a signed POST', 'POST', { 'X-Inngest-Signature': inngestSignature(huge) }, [413]],
    ['an unsigned PUT', 'PUT', {}, [200]],
    ['a signed PUT', 'PUT', { 'X-Inngest-Signature': inngestSignature(huge) }, [413]],
  ] as const)('%s of 64 MB is refused, the server keeps answering and its memory stays under the ceiling', async (_name, method, headers, statuses) => {
    const res = await send(endpoint(), { method, headers: { 'Content-Type': 'application/json', ...headers }, body: huge })
    expect(statuses).toContain(res.status)
    if (res.status !== 200) expect(res.headers.connection).toBe('close')
    expect((await fetch(`${server.url}/login`)).status).toBe(200)
    expect(peakRssMb(server.child.pid!)).toBeLessThan(RSS_CEILING_MB)
  })

  test('the costliest JSON to parse, just under the limit, four at once with a forged signature: refused, memory under the ceiling', async () => {
    // Empty objects are the most heap per byte JSON can ask for; the SDK parses before it verifies.
    const body = `[${'{},'.repeat(Math.floor((256 * 1024 - 16) / 3))}{}]`
    const forged = { 'Content-Type': 'application/json', 'X-Inngest-Signature': `t=${Math.floor(Date.now() / 1000)}&s=${'0'.repeat(64)}` }
    const answers = await Promise.all(Array.from({ length: 4 }, () => send(endpoint(), { method: 'POST', headers: forged, body })))
    expect(answers.map((a) => a.status)).toEqual([401, 401, 401, 401])
    expect((await fetch(`${server.url}/login`)).status).toBe(200)
    expect(peakRssMb(server.child.pid!)).toBeLessThan(RSS_CEILING_MB)
  })

  test('an unsigned sync with a forged Host registers the app at APP_URL, not at the Host', async () => {
    inngestApi.registered.length = 0
    const res = await send(`${server.url}/api/inngest`, { method: 'PUT', headers: { Host: 'attacker.example' } })
    expect(res.status).toBe(200)
    expect(inngestApi.registered.map((r) => r.url)).toEqual([`http://localhost:${server.port}/api/inngest`])
  })
})

describe('settings production refuses', () => {
  const base = { ...TEST_SECRETS, ...LOOPBACK_ONLY }
  test.each([
    ['INNGEST_DEV on a public address', { INNGEST_DEV: '1', HOST: '0.0.0.0' }, /INNGEST_DEV: .*loopback/],
    ['an APP_URL that is not https', { APP_URL: 'http://mail.example.com' }, /APP_URL: .*https/],
    ['TRUST_PROXY=true, which trusts whatever X-Forwarded-For a client writes', { TRUST_PROXY: 'true' }, /TRUST_PROXY: .*hop/],
    ['a TRUST_PROXY that is neither a count nor addresses', { TRUST_PROXY: 'proxy.example, 10.0.0.300' }, /TRUST_PROXY: /],
  ])('%s: refuses to start, and says why', async (_name, env, message) => {
    const { code, output } = await startExpectingFailure({ ...base, DATABASE_URL: `.tmp/test-db/never-${crypto.randomUUID()}.db`, ...env })
    expect(code).not.toBe(0)
    expect(output).toMatch(message)
    expect(output).not.toContain('listening')
  })

  test.each([
    ['INNGEST_DEV on the loopback address, with an http://localhost APP_URL (the end-to-end setup)', { INNGEST_DEV: '1', HOST: '127.0.0.1', TRUST_PROXY: '1' }],
    ['a list of proxy addresses in TRUST_PROXY', { TRUST_PROXY: 'loopback, 10.0.0.0/8' }],
  ])('%s: starts', async (_name, env) => {
    const server = await startServer({ ...base, DATABASE_URL: `.tmp/test-db/resilience-hardening-${crypto.randomUUID()}.db`, ...env })
    expect((await fetch(`${server.url}/login`)).status).toBe(200)
    await server.stop()
  })
})

describe('behind a proxy (TRUST_PROXY=1)', () => {
  let server: RunningServer
  beforeAll(async () => {
    server = await startServer({
      ...TEST_SECRETS,
      ...LOOPBACK_ONLY,
      DATABASE_URL: `.tmp/test-db/resilience-hardening-${crypto.randomUUID()}.db`,
      TRUST_PROXY: '1',
      RATE_LIMIT_PER_MINUTE: '10',
    })
  })
  afterAll(() => server?.stop())

  const login = (fields: Record<string, string>, clientAddress: string, cookie = '') =>
    fetch(`${server.url}/login`, {
      method: 'POST',
      redirect: 'manual',
      headers: { 'Content-Type': 'application/x-www-form-urlencoded', Origin: `http://localhost:${server.port}`, 'X-Forwarded-For': clientAddress, Cookie: cookie },
      body: new URLSearchParams(fields).toString(),
    })

  test('the client address is the one the proxy saw: addresses a client prepends do not reset its limit', async () => {
    const statuses: number[] = []
    // Unknown accounts, a new one each time, so only the per-address limit applies.
    for (let i = 0; i < 12; i++) statuses.push((await login({ email: `nobody-${i}@example.com`, password: PASSWORD }, `10.9.${i}.1, 203.0.113.9`)).status)
    expect(statuses.slice(0, 10)).toEqual(Array(10).fill(401))
    expect(statuses.slice(10)).toEqual([429, 429])
  })

  test('50 wrong passwords for one account from 5 addresses: the right one from a sixth is held back, with Retry-After', async () => {
    const email = `target-${crypto.randomUUID()}@example.com`
    expect((await signupForm(server, { name: 'Target', email, password: PASSWORD }, { 'X-Forwarded-For': '198.51.100.1' })).status).toBe(302)
    let checked = 0
    for (let address = 0; address < 5; address++) {
      for (let i = 0; i < 10; i++) {
        const res = await login({ email, password: `wrong guess ${address}-${i}` }, `192.0.2.${10 + address}`)
        if (res.status === 401) checked++
        else expect(res.status).toBe(429)
      }
    }
    expect(checked).toBeLessThanOrEqual(5)
    const right = await login({ email, password: PASSWORD }, '192.0.2.99')
    expect(right.status).toBe(429)
    expect(Number(right.headers.get('Retry-After'))).toBeGreaterThan(0)
    expect(right.headers.getSetCookie()).toEqual([])
  })

  test('signed-in pages and data requests are private, no-store', async () => {
    const email = `cache-${crypto.randomUUID()}@example.com`
    const signup = await signupForm(server, { name: 'Cache', email, password: PASSWORD }, { 'X-Forwarded-For': '198.51.100.2' })
    expect(signup.headers.get('cache-control')).toBe('private, no-store')
    const cookie = signup.headers
      .getSetCookie()
      .find((c) => c.startsWith('__session='))!
      .split(';')[0]!
    // The root's data URL is /_.data under v8_trailingSlashAwareDataRequests (react-router.config.ts).
    for (const path of ['/dashboard', '/dashboard.data', '/', '/_.data']) {
      const res = await fetch(`${server.url}${path}`, { headers: { Cookie: cookie }, redirect: 'manual' })
      expect(res.status, path).toBe(200)
      expect(res.headers.get('cache-control'), path).toBe('private, no-store')
    }
  })
})

describe('Vary', () => {
  test('pages and data answers vary with the language and the cookies; machine endpoints do not', async () => {
    const server = await startServer({ ...TEST_SECRETS, ...LOOPBACK_ONLY, DATABASE_URL: `.tmp/test-db/resilience-hardening-${crypto.randomUUID()}.db` })
    try {
      // /signup twice: the second answer comes from the signed-out page cache, and must say the same.
      for (const path of ['/signup', '/signup', '/login.data', '/pricing', '/dashboard']) {
        const res = await fetch(`${server.url}${path}`, { redirect: 'manual' })
        expect(res.headers.get('vary') ?? '', path).toMatch(/Accept-Language, Cookie/)
      }
      const hook = await fetch(`${server.url}/webhooks/stripe`, { method: 'POST', body: '{}', headers: { 'Content-Type': 'application/json' } })
      expect(hook.status).toBe(400)
      expect(hook.headers.get('vary')).toBeNull()
    } finally {
      await server.stop()
    }
  })
})

describe('HSTS', () => {
  test('an https APP_URL gets Strict-Transport-Security on every answer, whatever TRUST_PROXY says', async () => {
    const server = await startServer({
      ...TEST_SECRETS,
      ...LOOPBACK_ONLY,
      DATABASE_URL: `.tmp/test-db/resilience-hardening-${crypto.randomUUID()}.db`,
      APP_URL: 'https://courrier.example',
    })
    const res = await fetch(`${server.url}/login`)
    await server.stop()
    expect(res.headers.get('strict-transport-security')).toBe('max-age=31536000; includeSubDomains')
  })
})

describe('methods', () => {
  let server: RunningServer
  beforeAll(async () => {
    server = await startServer({ ...TEST_SECRETS, ...LOOPBACK_ONLY, DATABASE_URL: `.tmp/test-db/resilience-hardening-${crypto.randomUUID()}.db` })
  })
  afterAll(() => server?.stop())

  test.each([
    ['TRACE', '/', 'GET, HEAD'],
    ['TRACE', '/login', 'GET, HEAD, POST'],
    ['PUT', '/signup', 'GET, HEAD, POST'],
    ['PATCH', '/language', 'GET, HEAD, POST'],
    ['DELETE', '/dashboard', 'GET, HEAD, POST'],
    ['OPTIONS', '/admin/emails', 'GET, HEAD'],
    ['POST', '/', 'GET, HEAD'],
    ['DELETE', '/api/inngest', 'GET, HEAD, POST, PUT'],
    ['PUT', '/webhooks/stripe', 'POST'],
    ['GET', '/webhooks/stripe', 'POST'],
  ])('%s %s: 405 with Allow: %s', async (method, path, allow) => {
    const res = await send(`${server.url}${path}`, {
      method,
      headers: { 'Content-Type': 'application/x-www-form-urlencoded', Origin: `http://localhost:${server.port}` },
      body: 'name=x',
    })
    expect(res.status).toBe(405)
    expect(res.headers.allow).toBe(allow)
  })
})
