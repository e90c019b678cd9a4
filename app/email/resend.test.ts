// The Resend path with the real `resend` SDK, pointed (RESEND_BASE_URL) at a loopback double of its API.
import { beforeEach, describe, expect, test, vi } from 'vitest'

// Resend on, through test/app-context.ts's loopback double; a short timeout so a slow answer is a failure.
vi.hoisted(() => {
  vi.stubEnv('RESEND_API_KEY', 're_test_loopback_only')
  vi.stubEnv('EMAIL_FROM', 'Courrier <hello@courrier.test>')
  vi.stubEnv('RESEND_TIMEOUT_MS', '300')
})

import { eq } from 'drizzle-orm'
import { db } from '~/db/client.server'
import { functionFailures, mailboxMessages } from '~/db/schema'
import { eventCatalogue } from '~/events'
import { action } from '~/routes/api.inngest'
import { resendApi as resend } from '../../test/app-context'
import { createUser } from '../../test/db-utils'
import { runFunction } from '../../test/mocks/inngest-executor'
import { sendEmail } from './send.server'
import { sent } from '../../test/sent'

beforeEach(() => {
  resend.requests.length = 0
})

const { data, context } = eventCatalogue['user/registered'].samples['new-user-es-long-name']
const send = async (eventId: string) => sent(await sendEmail({ template: 'welcome', to: 'maria@example.com', locale: 'es', data, context, eventId }))

describe('sendEmail through Resend', () => {
  test('posts the rendered email with its idempotency key and tags; the mailbox row records it with Resend\'s id', async () => {
    const result = await send('evt-resend-1')
    expect(result).toEqual({ id: expect.any(String), transport: 'resend' })
    expect(resend.requests).toHaveLength(1)
    const [request] = resend.requests
    expect(request).toMatchObject({ method: 'POST', path: '/emails' })
    expect(request!.headers.authorization).toBe('Bearer re_test_loopback_only')
    expect(request!.headers['idempotency-key']).toBe('welcome/evt-resend-1')
    expect(request!.body).toMatchObject({
      from: 'Courrier <hello@courrier.test>',
      to: ['maria@example.com'],
      subject: 'Te damos la bienvenida a Courrier, María de los Ángeles Fernández-Villaverde y Santiesteban',
      headers: { 'X-Entity-Ref-ID': 'welcome/evt-resend-1' },
    })
    expect(request!.body.html).toContain('lang="es"')
    expect(request!.body.text).toContain('Hola, María de los Ángeles')
    // Written before the email was handed over, so a webhook about it finds the row by its tag.
    const row = db.select().from(mailboxMessages).where(eq(mailboxMessages.idempotencyKey, 'welcome/evt-resend-1')).get()!
    expect(row).toMatchObject({ transport: 'resend', providerId: result.id, template: 'welcome', locale: 'es' })
    expect(request!.body.tags).toEqual([
      { name: 'message', value: row.id },
      { name: 'template', value: 'welcome' },
      { name: 'locale', value: 'es' },
      { name: 'event', value: 'evt-resend-1' },
    ])
  })

  test('a step retried after a timeout sends the same key, so Resend sends one email; once its id is known, a retry asks nothing', async () => {
    const before = resend.emailsSent()
    // Resend does not answer in time (RESEND_TIMEOUT_MS): the step fails, and is retried with the same key.
    resend.failNext({ slowMs: 600 })
    await expect(send('evt-resend-retry')).rejects.toThrow()
    const retry = await send('evt-resend-retry')
    expect(resend.requests.map((r) => r.headers['idempotency-key'])).toEqual(['welcome/evt-resend-retry', 'welcome/evt-resend-retry'])
    expect(resend.emailsSent()).toBe(before + 1)
    const again = await send('evt-resend-retry')
    expect(again.id).toBe(retry.id)
    expect(resend.requests).toHaveLength(2)
    expect(db.select().from(mailboxMessages).where(eq(mailboxMessages.idempotencyKey, 'welcome/evt-resend-retry')).all()).toHaveLength(1)
  })

  test('429: retried after the delay Resend asks for (RetryAfterError)', async () => {
    resend.failNext({ status: 429, body: { statusCode: 429, name: 'rate_limit_exceeded', message: 'Too many requests' }, headers: { 'retry-after': '7' } })
    await expect(send('evt-429')).rejects.toMatchObject({ name: 'RetryAfterError', retryAfter: '7' })
  })

  test('429 without a delay: retried after a second', async () => {
    resend.failNext({ status: 429, body: { statusCode: 429, name: 'rate_limit_exceeded', message: 'Too many requests' } })
    await expect(send('evt-429-bare')).rejects.toMatchObject({ name: 'RetryAfterError', retryAfter: '1' })
  })

  test('5xx: an ordinary error, which Inngest retries with backoff', async () => {
    resend.failNext({ status: 500, body: { statusCode: 500, name: 'internal_server_error', message: 'Unexpected' } })
    const error = await send('evt-500').catch((e: Error) => e)
    expect(error).toBeInstanceOf(Error)
    expect(error).toMatchObject({ name: 'Error', message: expect.stringContaining('Resend 500 internal_server_error') })
  })

  test('a network error (connection dropped): an ordinary error, retried', async () => {
    resend.failNext('drop')
    const error = await send('evt-network').catch((e: Error) => e)
    expect(error).toMatchObject({ name: 'Error', message: expect.stringContaining('network error') })
  })

  test('then the retry goes through with the same key', async () => {
    resend.failNext({ status: 503, body: { statusCode: 503, name: 'application_error', message: 'Unavailable' } })
    await expect(send('evt-then-ok')).rejects.toThrow(/503/)
    await expect(send('evt-then-ok')).resolves.toMatchObject({ transport: 'resend' })
    expect(resend.requests.map((r) => r.headers['idempotency-key'])).toEqual(['welcome/evt-then-ok', 'welcome/evt-then-ok'])
  })

  test('a validation error (an address Resend refuses): no retry (NonRetriableError)', async () => {
    resend.failNext({ status: 422, body: { statusCode: 422, name: 'validation_error', message: 'Invalid `to` field.' } })
    await expect(send('evt-422')).rejects.toMatchObject({ name: 'NonRetriableError', message: expect.stringContaining('Invalid `to` field.') })
  })

  test('the same key with different content: no retry', async () => {
    // Resend took the first attempt but its answer was lost (no id recorded); the retry renders other content.
    await send('evt-changed')
    db.update(mailboxMessages).set({ providerId: null }).where(eq(mailboxMessages.idempotencyKey, 'welcome/evt-changed')).run()
    const changed = sendEmail({ template: 'welcome', to: 'maria@example.com', locale: 'fr', data, context, eventId: 'evt-changed' })
    await expect(changed).rejects.toMatchObject({ name: 'NonRetriableError', message: expect.stringContaining('invalid_idempotent_request') })
  })

  test('a concurrent request with the same key still in flight: retried shortly', async () => {
    resend.failNext({ status: 409, body: { statusCode: 409, name: 'concurrent_idempotent_requests', message: 'In progress' } })
    await expect(send('evt-409')).rejects.toMatchObject({ name: 'RetryAfterError', retryAfter: '2' })
  })
})

async function runWelcome(eventId: string, email: string) {
  const call = async (url: string, init: RequestInit) =>
    (await action({ request: new Request(url, { ...init, headers: { ...(init.headers as Record<string, string>), Host: 'localhost:5173' } }), params: {}, context: {} } as never)) as Response
  const user = createUser({ email, language: 'en', emailVerifiedAt: new Date() })
  const event = { id: eventId, name: 'user/registered', data: { userId: user.id } }
  return runFunction('courrier-welcome-journey', event, { endpoint: 'http://localhost:5173/api/inngest', fetch: call })
}

describe('Resend errors inside a function run', () => {
  test('a 5xx fails the step; Inngest retries it and the email is sent once', async () => {
    resend.failNext({ status: 502, body: { statusCode: 502, name: 'application_error', message: 'Bad gateway' } })
    const run = await runWelcome('evt-502', 'retried@example.com')
    expect(run).toMatchObject({ status: 'completed', output: { welcome: { sent: true, transport: 'resend' }, followUp: { sent: true, transport: 'resend' } } })
    expect(run.log.map((l) => `${l.op} ${l.step} #${l.attempt}`).slice(0, 4)).toEqual([
      'StepError send-welcome-email #0',
      'StepRun send-welcome-email #1',
      'Sleep wait-24-hours #0',
      'StepRun send-follow-up-email #0',
    ])
    expect(resend.requests.map((r) => r.headers['idempotency-key']).slice(0, 3)).toEqual(['welcome/evt-502', 'welcome/evt-502', 'welcome-follow-up/evt-502'])
  })

  test('a 429 tells Inngest to retry after the delay Resend asked for; the retry sends the email once', async () => {
    resend.failNext({ status: 429, body: { statusCode: 429, name: 'rate_limit_exceeded', message: 'Slow down' }, headers: { 'retry-after': '9' } })
    const run = await runWelcome('evt-429-run', 'limited@example.com')
    expect(run).toMatchObject({ status: 'completed', output: { welcome: { sent: true, transport: 'resend' }, followUp: { sent: true, transport: 'resend' } } })
    expect(run.log[0]).toEqual({ op: 'StepError', step: 'send-welcome-email', attempt: 0, detail: 'retry-after 9' })
    expect(resend.requests.filter((r) => r.headers['idempotency-key'] === 'welcome/evt-429-run')).toHaveLength(2)
  })

  test('500, then 429 with a delay, then a timeout, then success: one email per event and template, delivered', async () => {
    resend.failNext(
      { status: 500, body: { statusCode: 500, name: 'internal_server_error', message: 'Internal error' } },
      { status: 429, body: { statusCode: 429, name: 'rate_limit_exceeded', message: 'Slow down' }, headers: { 'retry-after': '3' } },
      // Resend takes the email but answers after the 300 ms the client waits: the step fails as a network error.
      { slowMs: 1_000 },
    )
    const sentBefore = resend.emailsSent()
    const run = await runWelcome('evt-faults', 'faults@example.com')
    expect(run).toMatchObject({ status: 'completed', output: { welcome: { sent: true, transport: 'resend' }, followUp: { sent: true, transport: 'resend' } } })
    expect(run.log.map((l) => `${l.op} ${l.step} #${l.attempt}${l.detail ? ` (${l.detail})` : ''}`)).toEqual([
      'StepError send-welcome-email #0',
      'StepError send-welcome-email #1 (retry-after 3)',
      'StepError send-welcome-email #2',
      'StepRun send-welcome-email #3',
      'Sleep wait-24-hours #0 (1d)',
      'StepRun send-follow-up-email #0',
      'Sleep wait-until-day-3 #0 (2d)',
      'StepRun send-day-3-email #0',
      'Sleep wait-until-day-7 #0 (4d)',
      'StepRun send-day-7-email #0',
    ])
    // Four requests carried the welcome email's key; Resend sent it once (the timed-out one), and the
    // last attempt got that email's id back.
    const keys = resend.requests.map((r) => r.headers['idempotency-key'])
    expect(keys.filter((k) => k === 'welcome/evt-faults')).toHaveLength(4)
    expect(resend.emailsSent() - sentBefore).toBe(4)
    expect(keys.at(-1)).toBe('onboarding-day-7/evt-faults')
  })

  test('a refusal stops the run without retrying and is recorded for admins by onFailure', async () => {
    resend.failNext({ status: 422, body: { statusCode: 422, name: 'validation_error', message: 'Invalid `to` field.' } })
    const run = await runWelcome('evt-refused', 'refused@example.com')

    expect(run).toMatchObject({ status: 'failed', failureHandler: { recorded: true } })
    // One request to Resend: a validation error is not retried.
    expect(resend.requests.map((r) => r.headers['idempotency-key'])).toEqual(['welcome/evt-refused'])
    const rows = db.select().from(functionFailures).all().filter((row) => row.eventId === 'evt-refused')
    expect(rows).toEqual([expect.objectContaining({ functionId: 'welcome-journey', error: expect.stringContaining('Resend 422 validation_error') })])
  })
})
