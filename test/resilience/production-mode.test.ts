// The production server: refuses to start without its secrets, refuses unsigned Inngest calls without
// running anything, sends security headers, and sets its session cookie httpOnly, SameSite and Secure.
import { createHmac } from 'node:crypto'
import { afterAll, beforeAll, describe, expect, test } from 'vitest'
import { LOOPBACK_ONLY, send, signIn, signupForm, startExpectingFailure, startServer, TEST_SECRETS, type RunningServer } from './server'

let server: RunningServer
beforeAll(async () => {
  // Cloud mode, but pointed at a closed loopback port: nothing in a test may leave this machine.
  server = await startServer({ ...TEST_SECRETS, ...LOOPBACK_ONLY, DATABASE_URL: `.tmp/test-db/resilience-prod-${crypto.randomUUID()}.db`, RATE_LIMIT_PER_MINUTE: '1000' })
})
afterAll(() => server?.stop())

describe('start-up', () => {
  test.each(Object.keys(TEST_SECRETS))('refuses to start without %s, and says so', async (name) => {
    const env: Record<string, string> = { ...TEST_SECRETS, DATABASE_URL: `.tmp/test-db/never-${crypto.randomUUID()}.db` }
    delete env[name]
    // Resend's webhook secret is required once emails go through Resend (bounces reach us through it).
    if (name === 'RESEND_WEBHOOK_SECRET') env.RESEND_API_KEY = 're_test_production_mode_only'
    const { code, output } = await startExpectingFailure(env)
    expect(code).not.toBe(0)
    expect(output).toContain(`${name}: is required in production`)
    expect(output).not.toContain('listening')
  })
})

describe('/api/inngest in cloud mode', () => {
  const body = JSON.stringify({ event: { name: 'user/registered', data: {} }, events: [], steps: {}, ctx: { run_id: 'r1', attempt: 0 } })
  test.each([
    ['no signature', {}],
    ['a wrong signature', { 'X-Inngest-Signature': `t=${Math.floor(Date.now() / 1000)}&s=${'0'.repeat(64)}` }],
    ['a signature made with another key', { 'X-Inngest-Signature': `t=${Math.floor(Date.now() / 1000)}&s=${createHmac('sha256', 'not-the-key').update(body).digest('hex')}` }],
  ])('a POST with %s is refused without running anything', async (_name, headers) => {
    const res = await fetch(`${server.url}/api/inngest?fnId=courrier-send-welcome-emails&stepId=step`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', ...headers },
      body,
    })
    expect(res.status).toBeGreaterThanOrEqual(400)
    expect(res.status).toBeLessThan(500)
  })

  test('GET does not reveal the functions to an unsigned caller', async () => {
    const res = await fetch(`${server.url}/api/inngest`)
    const text = await res.text()
    expect(text).not.toContain('send-welcome')
  })
})

describe('responses', () => {
  test('carry security headers', async () => {
    const res = await fetch(`${server.url}/signup`)
    expect(res.status).toBe(200)
    const csp = res.headers.get('content-security-policy') ?? ''
    expect(csp).toMatch(/script-src 'self' 'nonce-[A-Za-z0-9+/=]+'/)
    expect(csp).toContain("frame-ancestors 'self'")
    expect(csp).toContain("object-src 'none'")
    expect(res.headers.get('x-content-type-options')).toBe('nosniff')
    expect(res.headers.get('x-frame-options')).toBe('SAMEORIGIN')
    // Over plain http there is no HSTS; behind an https proxy there is.
    expect(res.headers.get('strict-transport-security')).toBeNull()
    const nonce = /'nonce-([^']+)'/.exec(csp)![1]
    const html = await res.text()
    for (const script of html.match(/<script\b[^>]*>/g) ?? []) expect(script).toContain(`nonce="${nonce}"`)
  })

  test('the session cookie is httpOnly, SameSite=Lax and Secure', async () => {
    const res = await signupForm(server, { name: 'Prod', email: `prod-${crypto.randomUUID()}@example.com`, password: 'a long enough password' })
    expect(res.status).toBe(302)
    const cookie = res.headers.get('set-cookie') ?? ''
    expect(cookie).toMatch(/__session=/)
    expect(cookie).toMatch(/HttpOnly/i)
    expect(cookie).toMatch(/SameSite=Lax/i)
    expect(cookie).toMatch(/Secure/i)
  })
})

describe('anonymous pages rendered once and kept (app/http/page-cache.server.ts)', () => {
  const page = async (path: string, headers: Record<string, string> = {}) => {
    const res = await fetch(`${server.url}${path}`, { headers, redirect: 'manual' })
    const nonce = /'nonce-([^']+)'/.exec(res.headers.get('content-security-policy') ?? '')?.[1]
    return { res, nonce, html: await res.text() }
  }
  const withoutNonces = (html: string) => html.replace(/nonce="[^"]*"/g, 'nonce=""')

  test("a kept page is the same page, with each answer's own nonce in its header and on every script", async () => {
    const first = await page('/signup', { 'Accept-Language': 'es' })
    const second = await page('/signup', { 'Accept-Language': 'es' })
    expect(second.res.status).toBe(200)
    expect(second.nonce).toBeDefined()
    expect(second.nonce).not.toBe(first.nonce)
    expect(second.html).not.toContain(first.nonce!)
    const scripts = second.html.match(/<script\b[^>]*>/g) ?? []
    expect(scripts.length).toBeGreaterThan(0)
    for (const script of scripts) expect(script).toContain(`nonce="${second.nonce}"`)
    expect(withoutNonces(second.html)).toBe(withoutNonces(first.html))
    expect(second.html).toContain('lang="es"')
  })

  test('each language keeps its own page, whether chosen by cookie or by the browser', async () => {
    await page('/login', { 'Accept-Language': 'en' })
    expect((await page('/login', { 'Accept-Language': 'en' })).html).toContain('lang="en"')
    expect((await page('/login', { 'Accept-Language': 'fr' })).html).toContain('lang="fr"')
    expect((await page('/login', { 'Accept-Language': 'en', Cookie: 'lng=%22es%22' })).html).toContain('lang="es"')
  })

  test('a signed-in visitor never gets the kept page', async () => {
    const email = `cache-${crypto.randomUUID()}@example.com`
    expect((await signupForm(server, { name: 'Cache', email, password: 'a long enough password' })).status).toBe(302)
    const cookie = await signIn(server, email, 'a long enough password')
    await page('/', { 'Accept-Language': 'en' })
    const anonymous = await page('/', { 'Accept-Language': 'en' })
    const signedIn = await page('/', { 'Accept-Language': 'en', Cookie: cookie })
    expect(anonymous.html).not.toContain(email)
    expect(signedIn.res.status).toBe(200)
    expect(withoutNonces(signedIn.html)).not.toBe(withoutNonces(anonymous.html))
    // A guest page sends a signed-in visitor on, kept page or not.
    expect((await page('/signup', { Cookie: cookie })).res.status).toBe(302)
  })
})

describe('the Host header', () => {
  test('a Host header that makes no URL gets a 400, not a 500, on pages and machine endpoints alike', async () => {
    for (const host of ['bad host', 'a b', '[::1']) {
      for (const path of ['/signup', '/dashboard', '/webhooks/stripe']) {
        const answer = await send(`${server.url}${path}`, { headers: { Host: host } })
        expect(answer.status, `${host} ${path}`).toBe(400)
      }
    }
    expect((await send(`${server.url}/signup`, { headers: { Host: `localhost:${server.port}` } })).status).toBe(200)
  })
})
