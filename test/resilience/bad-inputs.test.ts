// A catalogue of bad inputs across signup, login, the Stripe webhook, invitations, the studio's sample
// editor and /api/inngest, against the production server: each gets a clear 4xx (never a 5xx), and the
// database is unchanged.
import Database from 'better-sqlite3'
import { spawnSync } from 'node:child_process'
import { createHmac } from 'node:crypto'
import { readFileSync } from 'node:fs'
import Stripe from 'stripe'
import { afterAll, beforeAll, describe, expect, test } from 'vitest'
import { sampleCheckoutCompletedEvent, samplePaymentFailedEvent, sampleSubscriptionEvent } from '~/billing/sample-events'
import { sampleEmailEvent, signResendDelivery } from '~/engagement/sample-deliveries'
import { startInngestEventApi } from '../mocks/inngest-event-api.mjs'
import { startStripeApiDouble } from '../mocks/stripe-api'
import { LOOPBACK_ONLY, send, signupForm, startServer, TEST_SECRETS, type RunningServer, signIn } from './server'

const stripe = new Stripe('sk_test_bad_inputs_only')
const ADMIN = { email: 'admin@bad-inputs.test', password: 'bad inputs admin password 2026 !' }
const PASSWORD = 'a long enough password'
const dbFile = `.tmp/test-db/resilience-bad-${crypto.randomUUID()}.db`
const api = await startInngestEventApi()
const stripeApi = await startStripeApiDouble()
let server: RunningServer
let db: Database.Database
const cookies: Record<'owner' | 'plain' | 'admin', string> = { owner: '', plain: '', admin: '' }
let ownerId = ''
let completedCheckout = ''
let organizationId = ''
let invitationPath = ''
let resetPath = ''
let confirmPath = ''

const TABLES = ['users', 'sessions', 'outbox_events', 'stripe_events', 'email_events', 'email_engagement', 'email_daily_stats', 'email_skips', 'suppression_lifts', 'subscriptions', 'organizations', 'memberships', 'invitations', 'mailbox_messages', 'function_failures', 'user_tokens', 'email_suppressions', 'email_preferences', 'account_deletion_notices', 'checkout_sessions']
const snapshot = () => Object.fromEntries(TABLES.map((t) => [t, (db.prepare(`SELECT count(*) AS n FROM ${t}`).get() as { n: number }).n]))

beforeAll(async () => {
  // Stripe is the double, answering slowly (or failing) when a case asks; checkout waits 500 ms for it.
  const stripeEnv = { STRIPE_API_URL: stripeApi.url, STRIPE_SECRET_KEY: 'sk_test_bad_inputs_only', STRIPE_TIMEOUT_MS: '500' }
  const env = { ...TEST_SECRETS, ...LOOPBACK_ONLY, ...stripeEnv, INNGEST_BASE_URL: api.url, DATABASE_URL: dbFile, RATE_LIMIT_PER_MINUTE: '100000', ADMIN_EMAIL: ADMIN.email, ADMIN_PASSWORD: ADMIN.password }
  const seeded = spawnSync('npx', ['tsx', 'scripts/seed.ts'], { env: { ...process.env, ...env, NODE_ENV: 'production', HOST: '127.0.0.1' }, encoding: 'utf8' })
  if (seeded.status !== 0) throw new Error(`seed failed: ${seeded.stderr}`)
  server = await startServer(env)
  db = new Database(dbFile)
  db.pragma('busy_timeout = 5000')
  for (const [who, email] of [['owner', 'owner@bad-inputs.test'], ['plain', 'plain@bad-inputs.test']] as const) {
    expect((await signupForm(server, { name: who, email, password: PASSWORD })).status).toBe(302)
    cookies[who] = await signIn(server, email, PASSWORD)
  }
  cookies.admin = await signIn(server, ADMIN.email, ADMIN.password)
  // An organization owned by `owner`, as the subscription function would have made it.
  organizationId = crypto.randomUUID()
  const owner = db.prepare('SELECT id FROM users WHERE email = ?').get('owner@bad-inputs.test') as { id: string }
  ownerId = owner.id
  // The owner has confirmed their address (the plain user has not): they may check out.
  db.prepare('UPDATE users SET email_verified_at = ? WHERE id = ?').run(Date.now(), owner.id)
  db.prepare('INSERT INTO organizations (id, name, stripe_subscription_id) VALUES (?, ?, ?)').run(organizationId, 'Bad Inputs Ltd', 'sub_bad_inputs')
  db.prepare("INSERT INTO memberships (organization_id, user_id, role) VALUES (?, ?, 'owner')").run(organizationId, owner.id)
  // A real pending invitation, to aim forged tokens at.
  const invite = await form('/dashboard', { intent: 'invite', email: 'invitee@bad-inputs.test', organizationId }, cookies.owner)
  expect(invite.status).toBe(200)
  const invitation = db.prepare('SELECT id FROM invitations').get() as { id: string }
  invitationPath = `/invitations/${invitation.id}`
  // A real reset link, for an account of its own (a reset would end the others' sessions).
  expect((await signupForm(server, { name: 'reset', email: 'reset@bad-inputs.test', password: PASSWORD })).status).toBe(302)
  expect((await form('/forgot-password', { email: 'reset@bad-inputs.test' })).status).toBe(200)
  const token = db.prepare("SELECT id FROM user_tokens WHERE purpose = 'password-reset'").get() as { id: string }
  // A checkout already completed, so a redelivery of its webhook can be sent as a case.
  // (for another account: the owner must stay someone without a subscription, whom /pricing sends to Checkout)
  const buyer = db.prepare('SELECT id FROM users WHERE email = ?').get('reset@bad-inputs.test') as { id: string }
  const completed = sampleCheckoutCompletedEvent({ userId: buyer.id, subscriptionId: 'sub_bad_inputs_checkout', customerId: 'cus_bad_inputs' })
  completedCheckout = JSON.stringify(completed)
  expect((await webhook(completedCheckout, sign(completedCheckout))).status).toBe(200)
  resetPath = `/reset-password/${createHmac('sha256', TEST_SECRETS.SESSION_SECRET).update(`user-token:password-reset:${token.id}`).digest('base64url')}`
  // The confirmation link `plain` got at signup, to aim bad requests at (none of which may confirm it).
  const confirmation = db
    .prepare("SELECT t.id FROM user_tokens t JOIN users u ON u.id = t.user_id WHERE u.email = 'plain@bad-inputs.test' AND t.purpose = 'email-verification'")
    .get() as { id: string }
  confirmPath = `/verify-email/${createHmac('sha256', TEST_SECRETS.SESSION_SECRET).update(`user-token:email-verification:${confirmation.id}`).digest('base64url')}`
})
afterAll(async () => {
  db?.close()
  await server?.stop()
  await api.close()
  await stripeApi.close()
})

// Every path a catalogue case sent a bad input to (not the set-up's requests): the last test checks that
// each route with an action got some.
const reached = new Set<string>()
let inCase = false

function form(path: string, fields: Record<string, string>, cookie = '', headers: Record<string, string> = {}, method = 'POST') {
  if (inCase) reached.add(new URL(path, 'http://x').pathname)
  return fetch(`${server.url}${path}`, {
    method,
    redirect: 'manual',
    headers: { 'Content-Type': 'application/x-www-form-urlencoded', Origin: `http://localhost:${server.port}`, Cookie: cookie, ...headers },
    body: new URLSearchParams(fields).toString(),
  })
}
// fetch refuses to send TRACE; node:http sends any method.
async function viaNodeHttp(path: string, method: string) {
  const answer = await send(`${server.url}${path}`, { method })
  return new Response(answer.body, { status: answer.status })
}
function raw(path: string, body: string, headers: Record<string, string>, method = 'POST') {
  if (inCase) reached.add(new URL(path, 'http://x').pathname)
  return fetch(`${server.url}${path}`, { method, redirect: 'manual', headers, body })
}
const valid = () => ({ name: 'Camille', email: `c-${crypto.randomUUID()}@example.com`, password: PASSWORD })
function webhook(payload: string, signature?: string) {
  return raw('/webhooks/stripe', payload, { 'Content-Type': 'application/json', ...(signature ? { 'Stripe-Signature': signature } : {}) })
}
const sign = (payload: string, options: { secret?: string; timestamp?: number } = {}) =>
  stripe.webhooks.generateTestHeaderString({ payload, secret: options.secret ?? TEST_SECRETS.STRIPE_WEBHOOK_SECRET, timestamp: options.timestamp })
const event = () => JSON.stringify(sampleSubscriptionEvent({ email: 'someone@example.com' }))
const resendEvent = () => JSON.stringify(sampleEmailEvent('email.bounced', { emailId: 're_bad_inputs', to: 'someone@example.com', tags: { template: 'welcome', locale: 'en' } }))
function resendWebhook(payload: string, headers: Record<string, string>, method = 'POST') {
  return raw('/webhooks/resend', payload, { 'Content-Type': 'application/json', ...headers }, method)
}
const signResend = (payload: string, options: { secret?: string; timestamp?: Date } = {}) => signResendDelivery(payload, options.secret ?? TEST_SECRETS.RESEND_WEBHOOK_SECRET, options)
function inngestSignature(body: string, ts: number, key = TEST_SECRETS.INNGEST_SIGNING_KEY) {
  return `t=${ts}&s=${createHmac('sha256', key.replace(/^signkey-\w+-/, '')).update(body + ts).digest('hex')}`
}
const inngestCall = (body: string, headers: Record<string, string> = {}) =>
  raw('/api/inngest?fnId=courrier-welcome-journey&stepId=step', body, { 'Content-Type': 'application/json', ...headers })
const studio = (fields: Record<string, string>, cookie = cookies.admin) =>
  form('/admin/emails/welcome', { locale: 'fr', sample: 'new-user-fr', lastGood: '', ...fields }, cookie)
const sampleJson = (patch: Record<string, unknown>) =>
  JSON.stringify({ userId: 'usr_1', userName: 'Camille', ...patch })
const now = () => Math.floor(Date.now() / 1000)
// A thin event as Stripe's event destinations send it: no data, only a pointer to the object.
const thinEvent = () => ({
  id: `evt_test_${crypto.randomUUID().replaceAll('-', '')}`,
  object: 'v2.core.event',
  type: 'v1.billing.meter.error_report_triggered',
  created: new Date().toISOString(),
  livemode: false,
  related_object: { id: 'mtr_test_1', type: 'billing.meter', url: '/v1/billing/meters/mtr_test_1' },
})

type Case = [name: string, send: () => Promise<Response>, status?: number]

// An unsubscribe token signed with another secret, and shapes that are not tokens at all.
const forgedUnsubscribe = () => `/unsubscribe/${Buffer.from(`${crypto.randomUUID()}:onboarding:0`).toString('base64url')}.${createHmac('sha256', 'not-our-secret').update('x').digest('base64url')}`

const catalogue: Record<string, Case[]> = {
  unsubscribe: [
    ['a one-click POST with a forged token', () => raw(forgedUnsubscribe(), 'List-Unsubscribe=One-Click', { 'Content-Type': 'application/x-www-form-urlencoded' }), 404],
    ['a token that is not one of ours in shape', () => raw('/unsubscribe/..%2F..%2Fetc%2Fpasswd', 'List-Unsubscribe=One-Click', { 'Content-Type': 'application/x-www-form-urlencoded' }), 404],
    ['a token of 10,000 characters', () => raw(`/unsubscribe/${'a'.repeat(10_000)}`, 'List-Unsubscribe=One-Click', { 'Content-Type': 'application/x-www-form-urlencoded' }), 404],
    ['a body that is not a form', () => raw(forgedUnsubscribe(), '{"List-Unsubscribe":', { 'Content-Type': 'application/json' }), 404],
    ['a body over the limit', () => raw(forgedUnsubscribe(), `List-Unsubscribe=${'x'.repeat(64 * 1024)}`, { 'Content-Type': 'application/x-www-form-urlencoded' }), 413],
    ['"undo" posted from another site', () => form(forgedUnsubscribe(), { intent: 'undo' }, '', { Origin: 'https://evil.example' }), 403],
    ['"undo" with a forged token', () => form(forgedUnsubscribe(), { intent: 'undo' }), 404],
    ['a PUT', () => raw(forgedUnsubscribe(), 'List-Unsubscribe=One-Click', { 'Content-Type': 'application/x-www-form-urlencoded' }, 'PUT'), 405],
  ],
  preferences: [
    ['not signed in', () => form('/settings/notifications', { onboarding: 'on' }), 302],
    ['a value that is not a checkbox', () => form('/settings/notifications', { onboarding: 'yes' }, cookies.plain), 400],
    ['a value of 20,000 characters (over the form size limit)', () => form('/settings/notifications', { onboarding: 'on'.repeat(10_000) }, cookies.plain), 413],
    ['a value of "on" twice over', () => form('/settings/notifications', { onboarding: 'onon' }, cookies.plain), 400],
    ['posted from another site', () => form('/settings/notifications', {}, cookies.plain, { Origin: 'https://evil.example' }), 403],
    ['a PATCH', () => form('/settings/notifications', {}, cookies.plain, {}, 'PATCH'), 405],
  ],
  'account deletion': [
    ['not signed in', () => form('/settings/account', { password: PASSWORD }), 302],
    ['a wrong password', () => form('/settings/account', { password: 'not the password of this account' }, cookies.plain), 403],
    ['no password', () => form('/settings/account', {}, cookies.plain), 400],
    ['a password of 129 characters', () => form('/settings/account', { password: 'p'.repeat(129) }, cookies.plain), 400],
    ['posted from another site, with the right password', () => form('/settings/account', { password: PASSWORD }, cookies.plain, { Origin: 'https://evil.example' }), 403],
    ['a DELETE', () => form('/settings/account', { password: PASSWORD }, cookies.plain, {}, 'DELETE'), 405],
  ],
  signup: [
    ['invalid email', () => form('/signup', { ...valid(), email: 'camille@' }), 400],
    ['header injection in the email', () => form('/signup', { ...valid(), email: 'a@example.com\r\nBcc: victim@example.com' }), 400],
    ['email with a fullwidth at sign', () => form('/signup', { ...valid(), email: 'a＠example.com' }), 400],
    ['email of 300 characters', () => form('/signup', { ...valid(), email: `${'a'.repeat(290)}@example.com` }), 400],
    ['script injection in the name', () => form('/signup', { ...valid(), name: '<script>alert(1)</script>' }), 400],
    ['right-to-left override in the name', () => form('/signup', { ...valid(), name: 'Eve\u202Egnp.exe' }), 400],
    ['NUL byte in the name', () => form('/signup', { ...valid(), name: 'Eve\u0000' }), 400],
    ['line break in the name', () => form('/signup', { ...valid(), name: 'Eve\nSubject: hi' }), 400],
    ['undecodable bytes in the name', () => raw('/signup', `name=%FF%FE&email=x${Date.now()}%40example.com&password=a+long+enough+password`, { 'Content-Type': 'application/x-www-form-urlencoded', Origin: `http://localhost:${server.port}` }), 400],
    ['empty name', () => form('/signup', { ...valid(), name: '   ' }), 400],
    ['name of 101 characters', () => form('/signup', { ...valid(), name: 'n'.repeat(101) }), 400],
    ['short password', () => form('/signup', { ...valid(), password: 'short' }), 400],
    ['password of 129 characters', () => form('/signup', { ...valid(), password: 'p'.repeat(129) }), 400],
    ['no fields at all', () => form('/signup', {}), 400],
    ['a file where the name should be', () => {
      const body = new FormData()
      body.append('name', new Blob(['x']), 'name.txt')
      body.append('email', 'file@example.com')
      body.append('password', PASSWORD)
      return fetch(`${server.url}/signup`, { method: 'POST', redirect: 'manual', headers: { Origin: `http://localhost:${server.port}` }, body })
    }, 400],
    ['JSON instead of a form', () => raw('/signup', JSON.stringify(valid()), { 'Content-Type': 'application/json', Origin: `http://localhost:${server.port}` }), 400],
    ['a 1 MB body', () => form('/signup', { ...valid(), name: 'x'.repeat(1_000_000) }), 413],
    ['posted from another site', () => form('/signup', valid(), '', { Origin: 'https://evil.example' }), 403],
    ['posted from an opaque origin', () => form('/signup', valid(), '', { Origin: 'null' }), 403],
    ['a filled honeypot', () => form('/signup', { ...valid(), website: 'http://spam.example' }), 400],
    ['a PUT, which the route does not serve', () => form('/signup', valid(), '', {}, 'PUT'), 405],
    ['a PATCH', () => form('/signup', valid(), '', {}, 'PATCH'), 405],
  ],
  login: [
    ['SQL in the email', () => form('/login', { email: "' OR 1=1 --", password: PASSWORD }), 400],
    ['wrong password', () => form('/login', { email: 'owner@bad-inputs.test', password: 'not the password' }), 401],
    ['password of 10,000 characters', () => form('/login', { email: 'owner@bad-inputs.test', password: 'p'.repeat(10_000) }), 400],
    ['posted from another site', () => form('/login', { email: 'owner@bad-inputs.test', password: PASSWORD }, '', { Origin: 'https://evil.example' }), 403],
    ['the right password with a DELETE', () => form('/login', { email: 'owner@bad-inputs.test', password: PASSWORD }, '', {}, 'DELETE'), 405],
  ],
  'forgot password': [
    ['invalid email', () => form('/forgot-password', { email: 'camille@' }), 400],
    ['header injection in the email', () => form('/forgot-password', { email: 'a@example.com\r\nBcc: victim@example.com' }), 400],
    ['email of 300 characters', () => form('/forgot-password', { email: `${'a'.repeat(290)}@example.com` }), 400],
    ['no fields at all', () => form('/forgot-password', {}), 400],
    ['an address without an account (answered like one with)', () => form('/forgot-password', { email: 'nobody@bad-inputs.test' }), 200],
    ['a filled honeypot', () => form('/forgot-password', { email: 'owner@bad-inputs.test', website: 'http://spam.example' }), 400],
    ['a 1 MB body', () => form('/forgot-password', { email: 'x'.repeat(1_000_000) }), 413],
    ['posted from another site', () => form('/forgot-password', { email: 'owner@bad-inputs.test' }, '', { Origin: 'https://evil.example' }), 403],
    ['a PUT', () => form('/forgot-password', { email: 'owner@bad-inputs.test' }, '', {}, 'PUT'), 405],
  ],
  'address confirmation': [
    ['a forged token', () => form(`/verify-email/${'A'.repeat(43)}`, {}), 404],
    ['a token that is no token', () => form('/verify-email/%00%27%20OR%201%3D1', {}), 404],
    ['a forged token, opened', () => fetch(`${server.url}/verify-email/${'B'.repeat(43)}`), 404],
    ['a token of 5,000 characters', () => fetch(`${server.url}/verify-email/${'t'.repeat(5000)}`), 404],
    ['a reset link’s token on the confirmation path', () => form(`/verify-email/${resetPath.split('/')[2]}`, {}), 404],
    ['a 1 MB body on a real link', () => form(confirmPath, { x: 'x'.repeat(1_000_000) }), 413],
    ['posted from another site on a real link', () => form(confirmPath, {}, '', { Origin: 'https://evil.example' }), 403],
    ['a PUT on a real link', () => form(confirmPath, {}, '', {}, 'PUT'), 405],
    ['a new link asked for a minute after the last one', () => form('/dashboard', { intent: 'resend-confirmation' }, cookies.plain), 429],
    ['a new link asked for from another site', () => form('/dashboard', { intent: 'resend-confirmation' }, cookies.plain, { Origin: 'https://evil.example' }), 403],
  ],
  'reset password': [
    ['a forged token', () => form(`/reset-password/${'A'.repeat(43)}`, { password: 'a long enough password' }), 404],
    ['a token that is no token', () => form('/reset-password/%00%27%20OR%201%3D1', { password: 'a long enough password' }), 404],
    ['a forged token, opened', () => fetch(`${server.url}/reset-password/${'B'.repeat(43)}`), 404],
    ['a token of 5,000 characters', () => fetch(`${server.url}/reset-password/${'t'.repeat(5000)}`), 404],
    ['a short password on a real link', () => form(resetPath, { password: 'short' }), 400],
    ['a password of 10,000 characters on a real link', () => form(resetPath, { password: 'p'.repeat(10_000) }), 400],
    ['no fields at all on a real link', () => form(resetPath, {}), 400],
    ['a 1 MB body on a real link', () => form(resetPath, { password: 'x'.repeat(1_000_000) }), 413],
    ['posted from another site', () => form(resetPath, { password: 'a long enough password' }, '', { Origin: 'https://evil.example' }), 403],
    ['a PUT', () => form(resetPath, { password: 'a long enough password' }, '', {}, 'PUT'), 405],
  ],
  language: [
    ['posted from another site', () => form('/language', { lng: 'fr', redirectTo: '/' }, cookies.plain, { Origin: 'https://evil.example' }), 403],
    ['a 1 MB body', () => form('/language', { lng: 'fr', redirectTo: 'x'.repeat(1_000_000) }, cookies.plain), 413],
    ['a language we do not have', () => form('/language', { lng: 'de', redirectTo: '/' }, cookies.plain), 400],
    ['a PUT', () => form('/language', { lng: 'fr', redirectTo: '/' }, cookies.plain, {}, 'PUT'), 405],
  ],
  'sign out and studio team': [
    ['a sign-out by PUT', () => form('/logout', {}, cookies.plain, {}, 'PUT'), 405],
    ['a plain user giving themselves the marketer role', () => form('/admin/team', { intent: 'grant', email: 'someone@example.com' }, cookies.plain), 403],
    ['a role change by PATCH', () => form('/admin/team', { intent: 'grant', email: 'someone@example.com' }, cookies.admin, {}, 'PATCH'), 405],
  ],
  'any page': [
    ['TRACE', () => viaNodeHttp('/', 'TRACE'), 405],
    ['TRACE on a form', () => viaNodeHttp('/signup', 'TRACE'), 405],
    ['TRACE on /api/inngest', () => viaNodeHttp('/api/inngest', 'TRACE'), 405],
    ['a DELETE on the dashboard', () => form('/dashboard', { intent: 'invite', email: 'x@example.com', organizationId }, cookies.owner, {}, 'DELETE'), 405],
    ['a POST to a page without a form', () => form('/', { name: 'x' }), 405],
  ],
  'Stripe webhook': [
    ['no signature', () => webhook(event()), 400],
    ['a malformed signature header', () => webhook(event(), 'garbage'), 400],
    ['signed with another secret', () => { const p = event(); return webhook(p, sign(p, { secret: 'whsec_someone_else' })) }, 400],
    ['a signature ten minutes old', () => { const p = event(); return webhook(p, sign(p, { timestamp: now() - 600 })) }, 400],
    ['a body changed after signing', () => { const p = event(); return webhook(p.replace('someone@', 'attacker@'), sign(p)) }, 400],
    ['signed, but not JSON', () => webhook('{"id": "evt_1", ', sign('{"id": "evt_1", ')), 400],
    // Signed by Stripe, so retrying it would change nothing: acknowledged as ignored, not stored.
    ['signed JSON that is not an event', () => webhook('{"hello":"world"}', sign('{"hello":"world"}')), 200],
    ['a subscription event whose object is not a subscription', () => { const p = JSON.stringify({ ...sampleSubscriptionEvent(), data: { object: { id: 'cus_1', object: 'customer' } } }); return webhook(p, sign(p)) }, 200],
    ['a signed thin event (v2.core.event)', () => { const p = JSON.stringify(thinEvent()); return webhook(p, sign(p)) }, 200],
    ['a thin event with a bad signature', () => { const p = JSON.stringify(thinEvent()); return webhook(p, sign(p, { secret: 'whsec_someone_else' })) }, 400],
    ['a 1 MB body', () => { const p = JSON.stringify({ ...sampleSubscriptionEvent(), padding: 'x'.repeat(1_000_000) }); return webhook(p, sign(p)) }, 413],
    ['a GET', () => fetch(`${server.url}/webhooks/stripe`), 405],
    ['a PUT', () => { const p = event(); return raw('/webhooks/stripe', p, { 'Content-Type': 'application/json', 'Stripe-Signature': sign(p) }, 'PUT') }, 405],
  ],
  'Resend webhook': [
    ['no signature headers', () => resendWebhook(resendEvent(), {}), 400],
    ['signed with another secret', () => { const p = resendEvent(); return resendWebhook(p, signResend(p, { secret: `whsec_${Buffer.from('someone else').toString('base64')}` })) }, 400],
    ['a signature ten minutes old', () => { const p = resendEvent(); return resendWebhook(p, signResend(p, { timestamp: new Date(Date.now() - 600_000) })) }, 400],
    ['a timestamp ten minutes ahead', () => { const p = resendEvent(); return resendWebhook(p, signResend(p, { timestamp: new Date(Date.now() + 600_000) })) }, 400],
    ['a body changed after signing (another address to suppress)', () => { const p = resendEvent(); return resendWebhook(p.replace('someone@', 'victim@'), signResend(p)) }, 400],
    ['a signature header of 10,000 characters', () => { const p = resendEvent(); return resendWebhook(p, { ...signResend(p), 'svix-signature': `v1,${'A'.repeat(10_000)}` }) }, 400],
    ['an svix-id of 300 characters', () => { const p = resendEvent(); return resendWebhook(p, { ...signResend(p), 'svix-id': 'm'.repeat(300) }) }, 400],
    ['signed, but not JSON', () => resendWebhook('{"type": "email.bounced", ', signResend('{"type": "email.bounced", ')), 400],
    // Signed by Resend, so retrying would change nothing: acknowledged, and nothing is suppressed.
    ['signed JSON that is not an event', () => resendWebhook('{"hello":"world"}', signResend('{"hello":"world"}')), 200],
    ['a 1 MB body', () => { const p = JSON.stringify({ type: 'email.bounced', created_at: new Date().toISOString(), data: { pad: 'x'.repeat(1_000_000) } }); return resendWebhook(p, signResend(p)) }, 413],
    ['a GET', () => fetch(`${server.url}/webhooks/resend`), 405],
    ['a PUT', () => { const p = resendEvent(); return resendWebhook(p, signResend(p), 'PUT') }, 405],
  ],
  // The server runs in production: clearing the mailbox does not exist there, for anyone.
  'clearing the mailbox (/admin/mailbox)': [
    ['not signed in', () => form('/admin/mailbox', { intent: 'clear' }), 302],
    ['a plain user', () => form('/admin/mailbox', { intent: 'clear' }, cookies.plain), 403],
    ['an admin, in production', () => form('/admin/mailbox', { intent: 'clear' }, cookies.admin), 404],
  ],
  'lifting a suppression (/admin/suppressions)': [
    ['not signed in', () => form('/admin/suppressions', { id: 'x', note: 'because' }), 302],
    ['a plain user', () => form('/admin/suppressions', { id: 'x', note: 'because' }, cookies.plain), 403],
    ['no reason given', () => form('/admin/suppressions', { id: 'x', note: '' }, cookies.admin), 400],
    ['a reason of 501 characters', () => form('/admin/suppressions', { id: 'x', note: 'n'.repeat(501) }, cookies.admin), 400],
    ['an entry that does not exist', () => form('/admin/suppressions', { id: 'no-such-entry', note: 'because' }, cookies.admin), 404],
    ['posted from another site', () => form('/admin/suppressions', { id: 'x', note: 'because' }, cookies.admin, { Origin: 'https://evil.example' }), 403],
  ],
  'Start my trial (/pricing)': [
    ['a visitor who is not signed in (sent to log in)', () => form('/pricing', { planId: 'pro', interval: 'month' }), 303],
    ['an address not confirmed yet', () => form('/pricing', { planId: 'pro', interval: 'month' }, cookies.plain), 403],
    ['a plan that does not exist', () => form('/pricing', { planId: 'enterprise', interval: 'month' }, cookies.owner), 400],
    ['a Stripe price id instead of a plan', () => form('/pricing', { planId: 'price_double_pro_monthly', interval: 'month' }, cookies.owner), 400],
    ['an interval that does not exist', () => form('/pricing', { planId: 'pro', interval: 'fortnight' }, cookies.owner), 400],
    ['script injection in the plan', () => form('/pricing', { planId: '<script>alert(1)</script>', interval: 'month' }, cookies.owner), 400],
    ['no fields at all', () => form('/pricing', {}, cookies.owner), 400],
    ['Stripe answering with errors', () => {
      stripeApi.failNext(6)
      return form('/pricing', { planId: 'pro', interval: 'month' }, cookies.owner).finally(() => stripeApi.failNext(0))
    }, 503],
    ['Stripe not answering in time', () => {
      stripeApi.delayNext(3_000, 6)
      return form('/pricing', { planId: 'pro', interval: 'month' }, cookies.owner).finally(() => stripeApi.delayNext(0, 0))
    }, 503],
    ['a 1 MB body', () => form('/pricing', { planId: 'pro', interval: 'x'.repeat(1_000_000) }, cookies.owner), 413],
    ['posted from another site', () => form('/pricing', { planId: 'pro', interval: 'month' }, cookies.owner, { Origin: 'https://evil.example' }), 403],
    ['a PUT', () => form('/pricing', { planId: 'pro', interval: 'month' }, cookies.owner, {}, 'PUT'), 405],
  ],
  'Manage my subscription (/billing/portal)': [
    ['a visitor who is not signed in (sent to log in)', () => form('/billing/portal', {}), 302],
    ['someone without a subscription (sent to the plans)', () => form('/billing/portal', {}, cookies.plain), 303],
    ['posted from another site', () => form('/billing/portal', {}, cookies.owner, { Origin: 'https://evil.example' }), 403],
    ['a DELETE', () => form('/billing/portal', {}, cookies.owner, {}, 'DELETE'), 405],
    ['a checkout that is not theirs, on the success page', () => fetch(`${server.url}/billing/success?session_id=cs_test_someone_else`, { headers: { Cookie: cookies.owner } }), 404],
    ['a success page without a session id', () => fetch(`${server.url}/billing/success?attempt=99999999999999999999`, { headers: { Cookie: cookies.owner } }), 404],
  ],
  'Stripe billing webhooks': [
    ['checkout.session.completed delivered twice', () => webhook(completedCheckout, sign(completedCheckout)), 200],
    ['checkout.session.completed naming a user that does not exist', () => {
      const p = JSON.stringify(sampleCheckoutCompletedEvent({ userId: 'usr_nobody', subscriptionId: 'sub_x', customerId: 'cus_x' }))
      return webhook(p, sign(p))
    }, 200],
    ['checkout.session.completed naming a user with SQL', () => {
      const p = JSON.stringify(sampleCheckoutCompletedEvent({ userId: "x' OR '1'='1", subscriptionId: 'sub_x', customerId: 'cus_x' }))
      return webhook(p, sign(p))
    }, 200],
    ['checkout.session.completed whose session is not a session', () => {
      const e = sampleCheckoutCompletedEvent({ userId: ownerId, subscriptionId: 'sub_x', customerId: 'cus_x' })
      const p = JSON.stringify({ ...e, data: { object: { id: 'cs_x', object: 'subscription' } } })
      return webhook(p, sign(p))
    }, 200],
    ['invoice.payment_failed with a negative amount', () => {
      const e = samplePaymentFailedEvent({ subscriptionId: 'sub_bad_inputs', customerId: 'cus_bad_inputs' })
      const p = JSON.stringify({ ...e, data: { object: { ...e.data.object, amount_due: -100 } } })
      return webhook(p, sign(p))
    }, 200],
    ['invoice.payment_failed for no subscription (a one-off invoice)', () => {
      const e = samplePaymentFailedEvent({ subscriptionId: 'sub_bad_inputs', customerId: 'cus_bad_inputs' })
      const p = JSON.stringify({ ...e, data: { object: { ...e.data.object, parent: null } } })
      return webhook(p, sign(p))
    }, 200],
  ],
  invitations: [
    ['invalid email', () => form('/dashboard', { intent: 'invite', email: 'not-an-email', organizationId }, cookies.owner), 400],
    ['header injection in the email', () => form('/dashboard', { intent: 'invite', email: 'a@example.com\r\nBcc: b@example.com', organizationId }, cookies.owner), 400],
    ['inviting into an organization one does not own', () => form('/dashboard', { intent: 'invite', email: 'x@example.com', organizationId }, cookies.plain), 403],
    ['an organization id that does not exist', () => form('/dashboard', { intent: 'invite', email: 'x@example.com', organizationId: 'org_nope' }, cookies.owner), 403],
    ['posted from another site', () => form('/dashboard', { intent: 'invite', email: 'x@example.com', organizationId }, cookies.owner, { Origin: 'https://evil.example' }), 403],
    ['a forged token', () => form(`${invitationPath}/forged-token-${'x'.repeat(20)}`, {}, cookies.plain), 404],
    ['an invitation id that does not exist', () => form('/invitations/nope/nope', {}, cookies.plain), 404],
  ],
  'studio sample editor': [
    ['data that is not JSON', () => studio({ intent: 'preview', data: '{"userName": ' }), 400],
    ['data that breaks the event schema', () => studio({ intent: 'preview', data: sampleJson({ userId: '' }) }), 400],
    ['script injection in a name that ends up in the email', () => studio({ intent: 'preview', data: sampleJson({ userName: '<img src=x onerror=alert(1)>' }) }), 400],
    ['a value of the wrong type', () => studio({ intent: 'preview', data: sampleJson({ userName: 42 }) }), 400],
    ['header injection in the test address', () => studio({ intent: 'send-test', to: 'a@example.com\r\nBcc: b@example.com', data: sampleJson({}) }), 400],
    ['a plain user using the editor', () => studio({ intent: 'preview', data: sampleJson({}) }, cookies.plain), 403],
    ['a 1 MB sample', () => studio({ intent: 'preview', data: sampleJson({ userName: 'x'.repeat(1_000_000) }) }), 413],
  ],
  '/api/inngest': [
    ['a call with no signature', () => inngestCall('{}'), 401],
    ['a call with a wrong signature', () => inngestCall('{}', { 'X-Inngest-Signature': `t=${now()}&s=${'0'.repeat(64)}` }), 401],
    ['a call signed with another key', () => inngestCall('{}', { 'X-Inngest-Signature': inngestSignature('{}', now(), 'signkey-prod-0000') }), 401],
    ['a correctly signed call, ten minutes old', () => inngestCall('{}', { 'X-Inngest-Signature': inngestSignature('{}', now() - 600) }), 401],
    ['a body that is not JSON, unsigned', () => inngestCall('not json'), 401],
    ['a body that is not JSON, with a signature', () => inngestCall('not json', { 'X-Inngest-Signature': inngestSignature('not json', now()) }), 400],
    ['JSON nested 100,000 deep, with a signature', () => { const b = `${'['.repeat(100_000)}${']'.repeat(100_000)}`; return inngestCall(b, { 'X-Inngest-Signature': inngestSignature(b, now()) }) }, 401],
    ['a body over the limit, signed', () => { const b = JSON.stringify({ event: { data: { x: 'x'.repeat(512 * 1024) } } }); return inngestCall(b, { 'X-Inngest-Signature': inngestSignature(b, now()) }) }, 413],
    ['a DELETE', () => raw('/api/inngest', '{}', { 'Content-Type': 'application/json' }, 'DELETE'), 405],
  ],
}

const all = Object.entries(catalogue).flatMap(([area, cases]) => cases.map(([name, send, status]) => [area, name, send, status] as const))

describe.each(Object.keys(catalogue))('%s', (area) => {
  test.each(catalogue[area]!.map(([name, send, status]) => ({ name, send, status })))('$name → $status, nothing written', async ({ send, status }) => {
    const before = snapshot()
    inCase = true
    const res = await send().finally(() => (inCase = false))
    const body = await res.text()
    expect(res.status, body.slice(0, 300)).toBe(status)
    expect(snapshot()).toEqual(before)
  })
})

/** The route patterns (`/invitations/:id/:token`) of app/routes.ts whose module has an action. */
function routesWithAnAction(): string[] {
  const config = readFileSync('app/routes.ts', 'utf8')
  const found: string[] = []
  for (const [, path, file] of config.matchAll(/route\('([^']+)', '([^']+)'/g)) {
    // Children of a layout route (admin, settings) are declared with their own segment only.
    const parent = /^routes\/(admin|settings)\.[^.]+\./.exec(file!)?.[1]
    const full = parent && !path!.startsWith(`${parent}/`) ? `/${parent}/${path}` : `/${path}`
    if (/export (async )?function action|export const action/.test(readFileSync(`app/${file}`, 'utf8'))) found.push(full)
  }
  return found
}

test('every route that takes a form or a body got bad inputs in this catalogue', () => {
  const pattern = (route: string) => new RegExp(`^${route.replace(/:[^/]+/g, '[^/]+')}$`)
  const missing = routesWithAnAction().filter((route) => ![...reached].some((path) => pattern(route).test(path)))
  expect(all.length).toBeGreaterThan(0)
  expect(missing).toEqual([])
})
