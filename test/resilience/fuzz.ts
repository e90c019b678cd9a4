// The generated requests of the fuzzing pass (fuzz.test.ts): every route, every method, headers of any
// size, encoding and repetition, cookies, and bodies built from each route's form schema or a sample
// event, then mutated. fast-check makes them from a seed, so a failure replays from its seed and path.
import { createHmac } from 'node:crypto'
import fc from 'fast-check'
import Stripe from 'stripe'
import { ForgotPasswordSchema, LoginSchema, ResetPasswordSchema, SignupSchema } from '~/auth/schemas'
import { sampleCheckoutCompletedEvent, samplePaymentFailedEvent, sampleSubscriptionEvent } from '~/billing/sample-events'
import { sampleEmailEvent, signResendDelivery } from '~/engagement/sample-deliveries'
import { CheckoutSchema } from '~/billing/schemas'
import { eventCatalogue } from '~/events'
import { InviteSchema, RevokeSchema } from '~/organizations/schemas'

export type FuzzRequest = { method: string; path: string; headers: Record<string, string | string[]>; body?: Buffer; note: string }
export type FuzzContext = {
  port: number
  cookies: Record<'owner' | 'plain' | 'admin', string>
  organizationId: string
  invitationPath: string
  secrets: { stripe: string; resend: string }
}

const stripe = new Stripe('sk_test_fuzz_only')
const METHODS = ['GET', 'HEAD', 'POST', 'PUT', 'PATCH', 'DELETE', 'OPTIONS', 'TRACE'] as const
const TEMPLATES = [
  'welcome',
  'welcome-follow-up',
  'onboarding-day-3',
  'onboarding-day-7',
  'account-deleted',
  'subscription-created',
  'trial-reminder',
  'invitation',
  'password-reset',
  'password-changed',
  'payment-failed',
  'subscription-canceled',
  'activation-reminder',
  'email-confirmation',
  'nope',
]

// Strings that have broken web apps: control characters, line breaks, encodings, traversal, markup.
const nasty = fc.constantFrom(
  '', ' ', '\t', '\r\n', '\u0000', '\u001b[31m', '%00', '%0d%0a', '%FF%FE', '%', '%%', '..%2f..%2f', '../../etc/passwd',
  '\\', '//evil.example', '/\t/evil.example', 'https://evil.example/', 'javascript:alert(1)', '<script>alert(1)</script>',
  '"><img src=x onerror=alert(1)>', "' OR 1=1 --", '${7*7}', '{{7*7}}', '\u202Egnp.exe', '\uFEFF', '\uFFFD', '\uD800', '😀'.repeat(3),
  'é', 'ﬀ', 'a＠example.com', 'null', 'undefined', 'NaN', '-1', '1e309', '[]', '{}', '__proto__', 'constructor', 'x'.repeat(300),
)
const text = fc.oneof(
  { weight: 3, arbitrary: nasty },
  { weight: 3, arbitrary: fc.string({ maxLength: 40 }) },
  { weight: 2, arbitrary: fc.string({ unit: 'binary', maxLength: 40 }) },
  { weight: 1, arbitrary: fc.nat({ max: 20_000 }).map((n) => 'x'.repeat(n)) },
)
const email = fc.oneof(fc.emailAddress(), text, fc.constantFrom('owner@fuzz.test', 'plain@fuzz.test', 'admin@fuzz.test', 'OWNER@FUZZ.TEST'))

/** A form's fields: the schema's own names, with valid values or mutated ones, some missing, some repeated, some extra. */
function formFields(valid: Record<string, string>) {
  const keys = Object.keys(valid)
  // A valid password costs an 8 MiB scrypt hash (by design): kept, but rarer, so the pass stays quick.
  const validWeight = (key: string) => (key === 'password' ? 1 : 3)
  const value = (key: string) => fc.oneof({ weight: validWeight(key), arbitrary: fc.constant(valid[key]!) }, { weight: 2, arbitrary: key.includes('email') ? email : text })
  return fc
    .tuple(
      fc.tuple(...keys.map((key) => fc.option(value(key), { freq: 6 }).map((v) => [key, v] as const))),
      fc.array(fc.tuple(fc.oneof(fc.constantFrom(...keys, 'intent', 'redirectTo', 'website', 'lng', '_data', '__proto__'), fc.string({ maxLength: 10 })), text), { maxLength: 3 }),
    )
    .map(([own, extra]) => [...own.filter((pair): pair is readonly [string, string] => pair[1] !== null), ...extra] as Array<readonly [string, string]>)
}

// Header values may only hold latin-1 without control characters; cookies carry the rest as UTF-8 bytes.
const headerSafe = (value: string) => Buffer.from(value.replace(/\p{Cs}/gu, '\uFFFD'), 'utf8').toString('latin1').replace(/\p{Cc}/gu, (c) => (c >= '\u0080' ? c : ''))
const pathSafe = (value: string) => encodeURIComponent(value.replace(/\p{Cs}/gu, '\uFFFD'))

const schemaKeys = (schema: { shape: Record<string, unknown> }, values: Record<string, string>) =>
  Object.fromEntries(Object.keys(schema.shape).map((key) => [key, values[key] ?? '']))

/** A JSON value with one to three of its parts replaced, removed or retyped. */
function mutatedJson(base: unknown) {
  const paths: Array<Array<string | number>> = []
  const walk = (value: unknown, path: Array<string | number>) => {
    paths.push(path)
    if (Array.isArray(value)) value.forEach((v, i) => walk(v, [...path, i]))
    else if (value && typeof value === 'object') for (const [k, v] of Object.entries(value)) walk(v, [...path, k])
  }
  walk(base, [])
  const edit = fc.tuple(fc.nat({ max: paths.length - 1 }), fc.oneof(fc.constant(undefined), fc.jsonValue({ maxDepth: 2 }), text))
  return fc.array(edit, { minLength: 1, maxLength: 3 }).map((edits) => {
    let copy: unknown = structuredClone(base)
    for (const [index, replacement] of edits) {
      const path = paths[index]!
      if (path.length === 0) {
        copy = replacement
        continue
      }
      let parent: unknown = copy
      for (const key of path.slice(0, -1)) parent = parent && typeof parent === 'object' ? (parent as Record<string | number, unknown>)[key] : undefined
      if (!parent || typeof parent !== 'object') continue
      const last = path.at(-1)!
      if (replacement === undefined) delete (parent as Record<string | number, unknown>)[last]
      else (parent as Record<string | number, unknown>)[last] = replacement
    }
    return copy
  })
}

type Body = { contentType?: string; body: Buffer }
function encodeForm(fields: Array<readonly [string, string]>) {
  return fc.constantFrom('urlencoded', 'multipart', 'json', 'garbage-type').map((encoding): Body => {
    if (encoding === 'json') return { contentType: 'application/json', body: Buffer.from(JSON.stringify(Object.fromEntries(fields))) }
    if (encoding === 'multipart') {
      const boundary = 'fuzzBoundary7MA4YWxkTrZu0gW'
      const parts = fields.map(([k, v]) => `--${boundary}\r\nContent-Disposition: form-data; name="${k}"\r\n\r\n${v}\r\n`)
      return { contentType: `multipart/form-data; boundary=${boundary}`, body: Buffer.from(`${parts.join('')}--${boundary}--\r\n`) }
    }
    const encoded = Buffer.from(new URLSearchParams(fields.map(([k, v]) => [k, v])).toString())
    return { contentType: encoding === 'urlencoded' ? 'application/x-www-form-urlencoded' : 'text/plain; charset=utf-7', body: encoded }
  })
}

const rawBody: fc.Arbitrary<Body> = fc.oneof(
  fc.uint8Array({ maxLength: 2048 }).map((bytes) => ({ contentType: 'application/octet-stream', body: Buffer.from(bytes) })),
  fc.jsonValue({ maxDepth: 3 }).map((value) => ({ contentType: 'application/json', body: Buffer.from(JSON.stringify(value) ?? 'null') })),
  fc.constantFrom('{"a":', '[[[[[[[[', 'a=1&a=2&a=3', '--x\r\n', '\u0000\u0000').map((s) => ({ contentType: 'application/x-www-form-urlencoded', body: Buffer.from(s) })),
  fc.nat({ max: 40_000 }).map((n) => ({ contentType: 'application/x-www-form-urlencoded', body: Buffer.from(`name=${'x'.repeat(n)}`) })),
)

const studioSamples = Object.values(eventCatalogue).flatMap((entry) => Object.values(entry.samples as Record<string, { data: unknown }>).map((sample) => sample.data))

/** A path and, for the routes that take one, a body built from the route's schema or sample. */
function target(ctx: FuzzContext): fc.Arbitrary<{ path: string; body?: Body; sign?: 'stripe' | 'inngest' | 'resend'; note: string }> {
  const form = (path: string, valid: Record<string, string>, note: string) =>
    formFields(valid).chain((fields) => encodeForm(fields).map((body) => ({ path, body, note })))
  const anyId = fc.oneof(fc.uuid(), text.map(pathSafe))
  return fc.oneof(
    form('/signup', schemaKeys(SignupSchema, { name: 'Camille', email: 'fuzz-signup@example.com', password: 'a long enough password' }), 'signup form'),
    form('/login', { ...schemaKeys(LoginSchema, { email: 'owner@fuzz.test', password: 'a long enough password' }), redirectTo: '/dashboard' }, 'login form'),
    form('/forgot-password', schemaKeys(ForgotPasswordSchema, { email: 'owner@fuzz.test' }), 'forgot password form'),
    fc.oneof(anyId, fc.base64String({ minLength: 43, maxLength: 44 }).map(pathSafe)).chain((token) =>
      form(`/reset-password/${token}`, schemaKeys(ResetPasswordSchema, { password: 'a long enough password' }), 'reset password form'),
    ),
    fc.oneof(anyId, fc.base64String({ minLength: 43, maxLength: 44 }).map(pathSafe)).chain((token) => form(`/verify-email/${token}`, {}, 'confirm address form')),
    form('/dashboard', { intent: 'resend-confirmation' }, 'resend confirmation form'),
    form('/language', { lng: 'fr', redirectTo: '/dashboard' }, 'language form'),
    form('/logout', {}, 'logout form'),
    form('/dashboard', { intent: 'invite', ...schemaKeys(InviteSchema, { email: 'invitee@fuzz.test', organizationId: ctx.organizationId }) }, 'invite form'),
    form('/dashboard', { intent: 'revoke', ...schemaKeys(RevokeSchema, { invitationId: ctx.invitationPath.split('/')[2] ?? 'x' }) }, 'revoke form'),
    form('/admin/team', { intent: 'grant', email: 'plain@fuzz.test' }, 'team form'),
    form('/pricing', schemaKeys(CheckoutSchema, { planId: 'pro', interval: 'month' }), 'start my trial form'),
    form('/billing/portal', {}, 'manage my subscription form'),
    fc.oneof(anyId, text.map(pathSafe)).map((id) => ({ path: `/billing/success?session_id=${encodeURIComponent(id)}&attempt=${id.length}`, note: 'checkout success page' })),
    fc.tuple(fc.constantFrom(...TEMPLATES), fc.constantFrom('preview', 'send-test', 'emit', 'x'), fc.constantFrom(...studioSamples)).chain(([template, intent, sample]) =>
      mutatedJson(sample).chain((data) =>
        form(`/admin/emails/${template}`, { intent, locale: 'fr', sample: 'new-user-fr', data: JSON.stringify(data) ?? '', lastGood: '', to: 'qa@fuzz.test' }, 'studio form'),
      ),
    ),
    fc.tuple(anyId, anyId).chain(([id, token]) => form(`/invitations/${id}/${token}`, {}, 'invitation')),
    form(`${ctx.invitationPath}/forged-token`, {}, 'invitation, real id'),
    fc.tuple(fc.oneof(anyId, fc.base64String({ minLength: 40, maxLength: 120 }).map(pathSafe)), fc.constantFrom('List-Unsubscribe', 'intent')).chain(([token, field]) =>
      form(`/unsubscribe/${token}`, field === 'intent' ? { intent: 'undo' } : { 'List-Unsubscribe': 'One-Click' }, 'one-click unsubscribe or undo'),
    ),
    form('/settings/notifications', { onboarding: 'on' }, 'preferences form'),
    mutatedJson(sampleSubscriptionEvent({ email: 'owner@fuzz.test' })).map((event) => ({
      path: '/webhooks/stripe',
      body: { contentType: 'application/json', body: Buffer.from(JSON.stringify(event) ?? 'null') },
      sign: 'stripe' as const,
      note: 'stripe event, mutated and signed',
    })),
    fc
      .constantFrom<object>(
        sampleCheckoutCompletedEvent({ userId: 'usr_fuzz', subscriptionId: 'sub_fuzz', customerId: 'cus_fuzz', sessionId: 'cs_fuzz', eventId: 'evt_fuzz_checkout' }),
        samplePaymentFailedEvent({ subscriptionId: 'sub_fuzz', customerId: 'cus_fuzz', eventId: 'evt_fuzz_invoice', created: 1_800_000_000 }),
      )
      .chain((event) => mutatedJson(event))
      .map((event) => ({
      path: '/webhooks/stripe',
      body: { contentType: 'application/json', body: Buffer.from(JSON.stringify(event) ?? 'null') },
      sign: 'stripe' as const,
      note: 'stripe billing event, mutated and signed',
    })),
    fc
      .constantFrom('email.delivered', 'email.clicked', 'email.bounced', 'email.complained', 'email.opened')
      .chain((type) => mutatedJson(sampleEmailEvent(type, { emailId: 're_fuzz', to: 'owner@fuzz.test', tags: { message: 'x', template: 'welcome', locale: 'fr', event: 'e' } })))
      .map((event) => ({
        path: '/webhooks/resend',
        body: { contentType: 'application/json', body: Buffer.from(JSON.stringify(event) ?? 'null') },
        sign: 'resend' as const,
        note: 'resend event, mutated and signed',
      })),
    mutatedJson({ event: { name: 'user/registered', data: studioSamples[0] }, events: [], steps: {}, ctx: { run_id: 'r1', attempt: 0 }, version: 2 }).chain((call) =>
      fc.constantFrom('courrier-welcome-journey', 'courrier-process-subscription', 'nope').map((fnId) => ({
        path: `/api/inngest?fnId=${fnId}&stepId=step`,
        body: { contentType: 'application/json', body: Buffer.from(JSON.stringify(call) ?? 'null') },
        sign: 'inngest' as const,
        note: 'inngest call, mutated, forged signature',
      })),
    ),
    fc
      .constantFrom(
        '/', '/signup', '/login', '/forgot-password', '/reset-password/x', '/verify-email/x', '/logout', '/language', '/dashboard', '/api/inngest', '/webhooks/stripe', '/webhooks/resend', '/admin/analytics', '/admin/analytics?period=90', '/admin/suppressions', '/admin/suppressions?q=%25', '/admin', '/admin/emails', '/admin/mailbox',
        '/admin/team', '/admin/mailbox.json', '/settings', '/settings/notifications', '/settings/account', '/account-deleted', '/unsubscribe/x', '/pricing', '/pricing?interval=year', '/billing/portal', '/billing/success', '/billing/unavailable', '/_root.data', '/_.data', '/dashboard.data', '/login.data', '/admin/emails.data', '/assets/nope.js', '/favicon.ico',
      )
      .chain((path) => fc.option(rawBody, { freq: 3 }).map((body) => ({ path, body: body ?? undefined, note: 'page or endpoint' }))),
    fc.tuple(fc.constantFrom('/admin/emails/', '/admin/mailbox/', '/admin/events/', '/invitations/', '/reset-password/', '/verify-email/', '/unsubscribe/', '/'), anyId, fc.constantFrom('', '/preview', '/html', '.data', '?index', '?locale=xx&sample=y&width=-1')).map(
      ([prefix, id, suffix]) => ({ path: `${prefix}${id}${suffix}`, note: 'path with an id' }),
    ),
    fc.string({ unit: 'grapheme-ascii', maxLength: 60 }).map((s) => ({ path: `/${s.replace(/[\s#]/g, '')}`, note: 'any path' })),
  )
}

/** One generated request. */
export function requestArbitrary(ctx: FuzzContext): fc.Arbitrary<FuzzRequest> {
  const self = `http://localhost:${ctx.port}`
  const cookie = fc.oneof(
    fc.constantFrom('', ctx.cookies.owner, ctx.cookies.plain, ctx.cookies.admin),
    fc.constantFrom(`${ctx.cookies.owner}; ${ctx.cookies.plain}`, '__session=forged', '__session=', 'lng=InhoIg%3D%3D', 'lng=%E0%A4%A', `${ctx.cookies.admin}; lng=ImZyIg%3D%3D`),
    text.map((t) => `__session=${headerSafe(t)}`),
  )
  const header = fc.tuple(
    fc.constantFrom('Accept-Language', 'X-Forwarded-For', 'X-Forwarded-Proto', 'X-Forwarded-Host', 'Referer', 'User-Agent', 'Accept', 'Accept-Encoding', 'Range', 'If-None-Match', 'X-Inngest-Signature', 'Stripe-Signature', 'X-Fuzz'),
    fc.oneof(fc.string({ unit: 'grapheme-ascii', maxLength: 60 }), fc.nat({ max: 12_000 }).map((n) => 'a'.repeat(n)), fc.constantFrom('fr', '*;q=0', 'en-US,fr;q=0.5,xx', 'gzip, br, zstd', 'bytes=0-1', '127.0.0.1, 10.0.0.1')),
  )
  return fc
    .record({
      method: fc.oneof({ weight: 4, arbitrary: fc.constantFrom('GET', 'POST') }, { weight: 3, arbitrary: fc.constantFrom(...METHODS) }),
      target: target(ctx),
      origin: fc.constantFrom(self, self, 'null', 'https://evil.example', undefined),
      cookies: fc.array(cookie, { maxLength: 2 }),
      extra: fc.array(header, { maxLength: 4 }),
      signature: fc.constantFrom('valid', 'valid', 'forged', 'none'),
      contentType: fc.option(fc.constantFrom('application/json', 'application/x-www-form-urlencoded; charset=latin1', 'multipart/form-data', 'multipart/form-data; boundary=', 'text/plain', ''), { freq: 8 }),
      chunked: fc.boolean(),
    })
    .map(({ method, target: t, origin, cookies, extra, signature, contentType, chunked }) => {
      const headers: Record<string, string | string[]> = {}
      for (const [name, value] of extra) headers[name] = name in headers ? [headers[name]!, value].flat() : value
      if (origin) headers.Origin = origin
      const jar = cookies.filter(Boolean)
      if (jar.length) headers.Cookie = jar.length === 1 ? jar[0]! : jar
      const body = method === 'GET' || method === 'HEAD' ? undefined : t.body?.body
      const type = contentType ?? t.body?.contentType
      if (body && type !== undefined) headers['Content-Type'] = type
      if (body && t.sign === 'stripe' && signature !== 'none') {
        headers['Stripe-Signature'] = stripe.webhooks.generateTestHeaderString({ payload: body.toString('utf8'), secret: signature === 'valid' ? ctx.secrets.stripe : 'whsec_forged' })
      }
      if (body && t.sign === 'resend' && signature !== 'none') {
        const secret = signature === 'valid' ? ctx.secrets.resend : `whsec_${Buffer.from('forged-resend-secret').toString('base64')}`
        Object.assign(headers, signResendDelivery(body.toString('utf8'), secret))
      }
      if (body && t.sign === 'inngest' && signature !== 'none') {
        // Forged: a call signed with the real key is Inngest's own, and the SDK answers a function that
        // fails (or is unknown) with a 5xx on purpose, so that Inngest retries it.
        const ts = Math.floor(Date.now() / 1000)
        headers['X-Inngest-Signature'] = `t=${ts}&s=${createHmac('sha256', 'not-the-signing-key').update(body).update(String(ts)).digest('hex')}`
      }
      if (body && chunked) headers['Transfer-Encoding'] = 'chunked'
      return { method, path: t.path, headers, body, note: t.note }
    })
}

/** One line per request, for the report of a failure: no bodies (they can be large), no cookies' values. */
export function describeRequest(request: FuzzRequest) {
  const headers = Object.entries(request.headers).map(([k, v]) => `${k}: ${(Array.isArray(v) ? v.join(' | ') : v).slice(0, 80)}`)
  return `${request.method} ${request.path.slice(0, 120)} (${request.note}; ${request.body?.length ?? 0} bytes; ${headers.join('; ')})`
}
