// /api/inngest at the protocol level: what Inngest's dev server sees when it syncs the app, and a run
// driven over the SDK's call protocol (test/mocks/inngest-executor.ts, a test double of the executor).
import { eq } from 'drizzle-orm'
import { describe, expect, test } from 'vitest'
import { db } from '~/db/client.server'
import { functionFailures, mailboxMessages, sessions } from '~/db/schema'
import { functions } from '~/inngest/functions.server'
import { unsubscribeWithToken } from '~/preferences/preferences.server'
import { unsubscribeToken } from '~/preferences/unsubscribe-token.server'
import { getRelay } from '~/outbox/index.server'
import { inngestEventApi } from '../../test/app-context'
import { createConfirmedUser, createUser } from '../../test/db-utils'
import { runFunction } from '../../test/mocks/inngest-executor'
import { callInngestRoute as call, inngestEndpoint as endpoint } from '../../test/inngest-route'

describe('/api/inngest', () => {
  test('GET answers the introspection (INNGEST_DEV=1: dev mode, no signature) with the number of functions', async () => {
    const response = await call(endpoint)
    expect(response.status).toBe(200)
    expect(await response.json()).toMatchObject({ mode: 'dev', function_count: expect.any(Number) })
  })

  test('an in-band sync (PUT, as the dev server does) lists every function with its trigger and retries', async () => {
    const response = await call(endpoint, {
      method: 'PUT',
      headers: { 'Content-Type': 'application/json', 'X-Inngest-Sync-Kind': 'in_band' },
      body: JSON.stringify({ url: endpoint }),
    })
    expect(response.status).toBe(200)
    const body = (await response.json()) as { functions: Array<{ id: string; triggers: unknown[]; steps: Record<string, { retries: { attempts: number } }> }> }
    const byId = Object.fromEntries(body.functions.map((fn) => [fn.id, fn]))
    expect(byId['courrier-welcome-journey']?.triggers).toEqual([{ event: 'user/registered' }])
    expect(byId['courrier-trial-reminder']?.triggers).toEqual([{ event: 'trial/reminder' }])
    expect(byId['courrier-daily-cleanup']?.triggers).toEqual([{ cron: '0 2 * * *' }])
    expect(byId['courrier-welcome-journey']?.steps.step?.retries.attempts).toBe(5)
    // Every served function, each with its onFailure handler (served as `<id>-failure`), and nothing else.
    const expected = functions.flatMap((fn) => [fn.id('courrier'), `${fn.id('courrier')}-failure`])
    expect(Object.keys(byId).sort()).toEqual(expected.sort())
  })

  test('runs the daily clean-up over the call protocol: each step is a round trip, then the result', async () => {
    db.insert(sessions).values({ id: 'expired-route', userId: null, data: {}, expiresAt: new Date(Date.now() - 1000) }).run()
    const run = await runFunction('courrier-daily-cleanup', { name: 'inngest/scheduled.timer', data: { cron: '0 2 * * *' } }, { endpoint, fetch: call })
    expect(run.log.map((l) => `${l.op} ${l.step}`)).toEqual(['StepRun delete-expired-sessions', 'StepRun delete-expired-invitations', 'StepRun delete-expired-user-tokens', 'StepRun delete-stale-deletion-notices'])
    expect(run).toMatchObject({ status: 'completed', output: { sessionsDeleted: 1, invitationsDeleted: 0, userTokensDeleted: 0, deletionNoticesDeleted: 0 } })
  })

  test('runs the welcome journey: welcome, then the series with its sleeps (skipped by the executor); a lost response sends one email', async () => {
    const user = createConfirmedUser({ language: 'es', name: 'Lucía' })
    const event = { id: `evt-route-${user.id}`, name: 'user/registered', data: { userId: user.id } }
    const run = await runFunction('courrier-welcome-journey', event, { endpoint, fetch: call, loseFirstResponseOfEachStep: true })
    expect(run.log.map((l) => `${l.op} ${l.step}${l.detail ? ` ${l.detail}` : ''}`)).toEqual([
      'ResponseLost send-welcome-email',
      'StepRun send-welcome-email',
      // The SDK sends the duration normalized: step.sleep('wait-24-hours', '24h') goes out as "1d".
      'Sleep wait-24-hours 1d',
      'ResponseLost send-follow-up-email',
      'StepRun send-follow-up-email',
      'Sleep wait-until-day-3 2d',
      'ResponseLost send-day-3-email',
      'StepRun send-day-3-email',
      'Sleep wait-until-day-7 4d',
      'ResponseLost send-day-7-email',
      'StepRun send-day-7-email',
    ])
    expect(run).toMatchObject({ status: 'completed', output: { userId: user.id, welcome: { sent: true }, followUp: { sent: true }, day3: { sent: true }, day7: { sent: true } } })
    const sent = db.select().from(mailboxMessages).where(eq(mailboxMessages.to, user.email)).all()
    expect(sent.map((m) => [m.template, m.locale])).toEqual([
      ['welcome', 'es'],
      ['welcome-follow-up', 'es'],
      ['onboarding-day-3', 'es'],
      ['onboarding-day-7', 'es'],
    ])
  })

  test('the body is read once and given to the SDK as text, as a Request would read it: UTF-8, a byte-order mark dropped; not JSON is a 400', async () => {
    const user = createConfirmedUser({ language: 'fr' })
    const event = { id: `evt-bom-${user.id}`, name: 'user/registered', data: { userId: user.id, note: 'Zoë à Noël' }, ts: Date.now() }
    const call_ = {
      event,
      events: [event],
      steps: {},
      ctx: { run_id: `run-bom-${user.id}`, attempt: 0, disable_immediate_execution: false, use_api: false, stack: { stack: [], current: 0 } },
      version: 2,
    }
    const body = Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(JSON.stringify(call_), 'utf8')])
    const url = `${endpoint}?fnId=courrier-welcome-journey&stepId=step`
    const response = await call(url, { method: 'POST', headers: { 'Content-Type': 'application/json' }, body })
    expect(response.status).toBe(206)
    expect(await response.json()).toMatchObject([{ op: 'StepRun', name: 'send-welcome-email', data: { sent: true } }])

    const bad = await call(url, { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: '{"event": ' })
    expect(bad.status).toBe(400)
    expect(await bad.json()).toEqual({ message: 'The request body is not valid JSON' })
  })

  test('cancelOn: a user/unsubscribed for this user, sent while the run sleeps, cancels it (the executor reads cancelOn from the sync)', async () => {
    const user = createConfirmedUser({ language: 'en' })
    const other = createConfirmedUser({ language: 'en' })
    const event = { id: `evt-cancel-${user.id}`, name: 'user/registered', data: { userId: user.id } }
    const run = await runFunction('courrier-welcome-journey', event, {
      endpoint,
      fetch: call,
      eventApi: inngestEventApi.url,
      onSleep: async (step) => {
        // Someone else leaving changes nothing; this user leaving after D+1 ends the run.
        if (step === 'wait-24-hours') unsubscribeWithToken(unsubscribeToken({ userId: other.id, topic: 'onboarding', version: 0 }))
        if (step === 'wait-until-day-3') unsubscribeWithToken(unsubscribeToken({ userId: user.id, topic: 'onboarding', version: 0 }))
        // The outbox delivers the event to the event API (the relay is off in tests: driven here).
        await getRelay().drain()
      },
    })
    expect(run).toMatchObject({ status: 'cancelled', by: { name: 'user/unsubscribed', data: { userId: user.id, topic: 'onboarding' } } })
    expect(run.log.map((l) => `${l.op} ${l.step}`)).toEqual(['StepRun send-welcome-email', 'Sleep wait-24-hours', 'StepRun send-follow-up-email', 'Sleep wait-until-day-3', 'Cancelled wait-until-day-3'])
    const sent = db.select().from(mailboxMessages).where(eq(mailboxMessages.to, user.email)).all()
    expect(sent.map((m) => m.template)).toEqual(['welcome', 'welcome-follow-up'])
  })

  test('a run that fails for good is recorded by its onFailure handler, once', async () => {
    const user = createUser({ email: 'broken-address' })
    const event = { id: `evt-fail-${user.id}`, name: 'user/registered', data: { userId: user.id } }
    const run = await runFunction('courrier-welcome-journey', event, { endpoint, fetch: call })
    expect(run).toMatchObject({ status: 'failed', failureHandler: { recorded: true } })
    expect(run.log.map((l) => `${l.op} ${l.step}`)).toEqual(['StepFailed send-welcome-email'])
    const rows = db.select().from(functionFailures).where(eq(functionFailures.eventId, event.id)).all()
    expect(rows).toEqual([
      expect.objectContaining({ functionId: 'welcome-journey', eventName: 'user/registered', error: expect.stringContaining('invalid recipient address') }),
    ])
  })

  test('a request for an unknown function is an error, not a run', async () => {
    const response = await call(`${endpoint}?fnId=courrier-nope&stepId=step`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({ event: { name: 'x', data: {} }, events: [], steps: {}, ctx: { run_id: 'r', attempt: 0, stack: { stack: [], current: 0 } }, version: 2 }),
    })
    expect(response.status).toBe(500)
  })
})
