// /api/inngest at the protocol level: what Inngest's dev server sees when it syncs the app, and a run
// driven over the SDK's call protocol (test/mocks/inngest-executor.ts, a test double of the executor).
import { eq } from 'drizzle-orm'
import { describe, expect, test } from 'vitest'
import { db } from '~/db/client.server'
import { functionFailures, mailboxMessages, sessions } from '~/db/schema'
import { functions } from '~/inngest/functions.server'
import { createUser } from '../../test/db-utils'
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
    expect(run.log.map((l) => `${l.op} ${l.step}`)).toEqual(['StepRun delete-expired-sessions', 'StepRun delete-expired-invitations', 'StepRun delete-expired-user-tokens'])
    expect(run).toMatchObject({ status: 'completed', output: { sessionsDeleted: 1, invitationsDeleted: 0, userTokensDeleted: 0 } })
  })

  test('runs the welcome journey: welcome, the 24h sleep (skipped by the executor), follow-up; a lost response sends one email', async () => {
    const user = createUser({ language: 'es', name: 'Lucía' })
    const event = { id: `evt-route-${user.id}`, name: 'user/registered', data: { userId: user.id } }
    const run = await runFunction('courrier-welcome-journey', event, { endpoint, fetch: call, loseFirstResponseOfEachStep: true })
    expect(run.log.map((l) => `${l.op} ${l.step}${l.detail ? ` ${l.detail}` : ''}`)).toEqual([
      'ResponseLost send-welcome-email',
      'StepRun send-welcome-email',
      // The SDK sends the duration normalized: step.sleep('wait-24-hours', '24h') goes out as "1d".
      'Sleep wait-24-hours 1d',
      'ResponseLost send-follow-up-email',
      'StepRun send-follow-up-email',
    ])
    expect(run).toMatchObject({ status: 'completed', output: { userId: user.id, welcome: { sent: true }, followUp: { sent: true } } })
    const sent = db.select().from(mailboxMessages).where(eq(mailboxMessages.to, user.email)).all()
    expect(sent.map((m) => [m.template, m.locale])).toEqual([
      ['welcome', 'es'],
      ['welcome-follow-up', 'es'],
    ])
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
