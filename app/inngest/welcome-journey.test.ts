import { InngestTestEngine } from '@inngest/test'
import { eq } from 'drizzle-orm'
import { describe, expect, test } from 'vitest'
import { db } from '~/db/client.server'
import { issueConfirmationToken } from '~/auth/email-verification.server'
import { userTokenPath } from '~/auth/user-tokens.server'
import { emailSuppressions, memberships, organizations, subscriptions, users, userTokens } from '~/db/schema'
import type { UserRegistered } from '~/events'
import { createConfirmedUser as createUser, createUser as createUnconfirmedUser, confirmEmail, mailbox } from '../../test/db-utils'
import { durationMs, waitBetween } from './onboarding.server'
import { welcomeJourney } from './welcome-journey.server'

// A new engine for every run: an engine memoizes step results across its executions, which would
// carry one test's (or one run's) steps into the next.
const run = (options: Parameters<InngestTestEngine['execute']>[0]) => new InngestTestEngine({ function: welcomeJourney }).execute(options)

function registered(user: { id: string }) {
  const data: UserRegistered = { userId: user.id }
  return { id: `evt-${user.id}`, name: 'user/registered' as const, data }
}

/** The series' sleeps, mocked as Inngest's executor resumes them: with no data. `during` runs "while asleep" in that sleep. */
const SLEEPS = ['wait-24-hours', 'wait-until-day-3', 'wait-until-day-7'] as const
const sleeps = (during: Partial<Record<(typeof SLEEPS)[number], () => void>> = {}) => SLEEPS.map((id) => ({ id, handler: () => (during[id]?.(), null) }))

function order(ctx: { step: { run: any; sleep: any } }) {
  const calls = [
    ...ctx.step.run.mock.calls.map((call: unknown[], i: number) => [ctx.step.run.mock.invocationCallOrder[i], `run:${call[0]}`]),
    ...ctx.step.sleep.mock.calls.map((call: unknown[], i: number) => [ctx.step.sleep.mock.invocationCallOrder[i], `sleep:${call[0]}:${call[1]}`]),
  ] as Array<[number, string]>
  return calls.sort((a, b) => a[0] - b[0]).map(([, name]) => name)
}

const sentTo = (email: string) => mailbox().filter((m) => m.to === email)

function organizationFor(user: { id: string }, options: { role?: 'owner' | 'member'; others?: number; subscription?: { status: string; trialEnd: Date | null } } = {}) {
  const subscriptionId = options.subscription ? `sub_${crypto.randomUUID().slice(0, 8)}` : null
  if (options.subscription && subscriptionId) db.insert(subscriptions).values({ id: subscriptionId, customerId: 'cus_1', status: options.subscription.status, trialEnd: options.subscription.trialEnd, lastEventAt: 1 }).run()
  const organization = db.insert(organizations).values({ name: 'Atelier Dupont', stripeSubscriptionId: subscriptionId }).returning().get()
  db.insert(memberships).values({ organizationId: organization.id, userId: user.id, role: options.role ?? 'owner' }).run()
  for (let i = 0; i < (options.others ?? 0); i++) db.insert(memberships).values({ organizationId: organization.id, userId: createUser().id, role: 'member' }).run()
  return organization
}

describe('welcome journey and onboarding series (user/registered)', () => {
  test('the welcome email confirms a pending address with the link the signup issued; a proven one gets the dashboard instead', async () => {
    const pending = createUnconfirmedUser()
    const signupLink = issueConfirmationToken(db, pending.id)
    await run({ events: [registered(pending)], steps: sleeps() })
    const [toPending] = sentTo(pending.email)
    expect(toPending!.html).toContain(userTokenPath('email-verification', signupLink))

    const proven = createUser()
    await run({ events: [registered(proven)], steps: sleeps() })
    const [toProven] = sentTo(proven.email)
    expect(toProven!.html).not.toContain('/verify-email/')
    expect(toProven!.html).toContain('/dashboard')
    // Nothing issued for an address already proven.
    expect(db.select().from(userTokens).where(eq(userTokens.userId, proven.id)).all()).toEqual([])
  })

  test('welcome at once, then D+1, D+3 and D+7 after their sleeps, in the saved language', async () => {
    const user = createUser({ language: 'es', name: 'María' })
    // The event carries the id only: name, address and language are read when each email is sent.
    const event = registered(user)
    const { result, ctx } = await run({ events: [event], steps: sleeps() })

    // The delays are settings (defaults: 24h, 3d, 7d after signup).
    expect(order(ctx as never)).toEqual([
      'run:send-welcome-email',
      'sleep:wait-24-hours:24h',
      'run:send-follow-up-email',
      'sleep:wait-until-day-3:172800s',
      'run:send-day-3-email',
      'sleep:wait-until-day-7:345600s',
      'run:send-day-7-email',
    ])
    const sent = { sent: true, messageId: expect.any(String), transport: 'local', sentAt: expect.any(String) }
    expect(result).toEqual({ userId: user.id, welcome: sent, followUp: sent, day3: sent, day7: sent })

    const messages = sentTo(user.email)
    expect(messages.map((m) => [m.template, m.locale, m.eventId])).toEqual([
      ['welcome', 'es', event.id],
      ['welcome-follow-up', 'es', event.id],
      ['onboarding-day-3', 'es', event.id],
      ['onboarding-day-7', 'es', event.id],
    ])
    expect(messages.map((m) => m.subject)).toEqual([
      'Te damos la bienvenida a Courrier, María',
      '¿Qué tal te va, María?',
      'Tu siguiente paso: crea tu organización',
      'Una semana ya: prueba Courrier gratis durante 14 días',
    ])
    // The welcome is transactional; the series is lifecycle, with its unsubscribe headers.
    expect(messages[0]!.headers['List-Unsubscribe']).toBeUndefined()
    expect(messages.slice(1).every((m) => m.headers['List-Unsubscribe-Post'] === 'List-Unsubscribe=One-Click')).toBe(true)
  })

  test('each email is only sent after its sleep', async () => {
    const user = createUser()
    const seen: Record<string, string[]> = {}
    const during = Object.fromEntries(SLEEPS.map((id) => [id, () => (seen[id] = sentTo(user.email).map((m) => m.template))]))
    await run({ events: [registered(user)], steps: sleeps(during) })
    expect(seen).toEqual({
      'wait-24-hours': ['welcome'],
      'wait-until-day-3': ['welcome', 'welcome-follow-up'],
      'wait-until-day-7': ['welcome', 'welcome-follow-up', 'onboarding-day-3'],
    })
  })

  describe('D+3 reads where the user stands when it is sent', () => {
    test('no organization: start one', async () => {
      const user = createUser({ language: 'en' })
      await run({ events: [registered(user)], steps: sleeps() })
      const day3 = sentTo(user.email).find((m) => m.template === 'onboarding-day-3')!
      expect(day3.subject).toBe('Your next step: set up your organization')
      expect(day3.text).toContain('Start my free trial')
    })

    test('an organization they created meanwhile (during the sleep): invite the team', async () => {
      const user = createUser({ language: 'en' })
      await run({ events: [registered(user)], steps: sleeps({ 'wait-until-day-3': () => organizationFor(user) }) })
      const day3 = sentTo(user.email).find((m) => m.template === 'onboarding-day-3')!
      expect(day3.subject).toBe('Make the most of Atelier Dupont on Courrier')
      expect(day3.text).toContain('Bring your team to Atelier Dupont')
      expect(day3.text).toContain('Invite my team')
    })

    test('a team they joined: find their way around', async () => {
      const user = createUser({ language: 'fr' })
      organizationFor(user, { role: 'member', others: 2 })
      await run({ events: [registered(user)], steps: sleeps() })
      const day3 = sentTo(user.email).find((m) => m.template === 'onboarding-day-3')!
      expect(day3.text).toContain("Bienvenue dans l'équipe de Atelier Dupont")
    })
  })

  describe('D+7 reads their subscription when it is sent', () => {
    test('on a trial: its end date, in their language', async () => {
      const user = createUser({ language: 'fr' })
      organizationFor(user, { subscription: { status: 'trialing', trialEnd: new Date('2099-12-10T00:00:00Z') } })
      await run({ events: [registered(user)], steps: sleeps() })
      const day7 = sentTo(user.email).find((m) => m.template === 'onboarding-day-7')!
      expect(day7.subject).toBe("L'essai de Atelier Dupont se termine le 10 décembre 2099")
      expect(day7.text).toContain('Votre essai se termine le')
    })

    test('paying: what to try next', async () => {
      const user = createUser({ language: 'en' })
      organizationFor(user, { subscription: { status: 'active', trialEnd: null } })
      await run({ events: [registered(user)], steps: sleeps() })
      expect(sentTo(user.email).find((m) => m.template === 'onboarding-day-7')!.subject).toBe('One week with Courrier: three things to try')
    })

    test('no subscription (or a trial already over): start a trial', async () => {
      const user = createUser({ language: 'en' })
      organizationFor(user, { subscription: { status: 'trialing', trialEnd: new Date('2020-01-01T00:00:00Z') } })
      await run({ events: [registered(user)], steps: sleeps() })
      expect(sentTo(user.email).find((m) => m.template === 'onboarding-day-7')!.subject).toBe('One week in: try Courrier free for 14 days')
    })
  })

  describe('a step that finds the user gone, opted out or unconfirmed sends nothing and says why', () => {
    test('unsubscribed during a sleep (a cancellation that has not arrived): the next step skips and the series ends', async () => {
      const user = createUser()
      const unsubscribe = () => db.insert(emailSuppressions).values({ email: user.email, userId: user.id, topic: 'onboarding', reason: 'unsubscribed' }).run()
      const { result, ctx } = await run({ events: [registered(user)], steps: sleeps({ 'wait-until-day-3': unsubscribe }) })
      expect(result).toMatchObject({ followUp: { sent: true }, day3: { sent: false, reason: 'unsubscribed' }, day7: null })
      expect(ctx.step.sleep).not.toHaveBeenCalledWith('wait-until-day-7', expect.anything())
      expect(sentTo(user.email).map((m) => m.template)).toEqual(['welcome', 'welcome-follow-up'])
    })

    test('deleted during the first sleep: no D+1, and the series ends', async () => {
      const user = createUser()
      const { result } = await run({ events: [registered(user)], steps: sleeps({ 'wait-24-hours': () => db.delete(users).where(eq(users.id, user.id)).run() }) })
      expect(result).toMatchObject({ welcome: { sent: true }, followUp: { sent: false, reason: 'user-deleted' }, day3: null, day7: null })
      expect(sentTo(user.email).map((m) => m.template)).toEqual(['welcome'])
    })

    test('an address that bounced for good (issue 14) gets not even the welcome email, and the journey ends', async () => {
      const user = createUser()
      db.insert(emailSuppressions).values({ email: user.email, reason: 'bounced' }).run()
      const { result } = await run({ events: [registered(user)], steps: sleeps() })
      expect(result).toMatchObject({ welcome: { sent: false, reason: 'hard-bounced' }, followUp: null, day3: null })
      expect(sentTo(user.email)).toEqual([])
    })

    test('a complaint (issue 14) ends the series after the welcome email', async () => {
      const user = createUser()
      db.insert(emailSuppressions).values({ email: user.email, reason: 'complained' }).run()
      const { result } = await run({ events: [registered(user)], steps: sleeps() })
      expect(result).toMatchObject({ welcome: { sent: true }, followUp: { sent: false, reason: 'complained' }, day3: null })
    })

    test('not confirmed: D+1 skipped, and once they confirm, D+3 and D+7 go out', async () => {
      const user = createUnconfirmedUser()
      const { result } = await run({ events: [registered(user)], steps: sleeps({ 'wait-until-day-3': () => confirmEmail(user.id) }) })
      expect(result).toMatchObject({ welcome: { sent: true }, followUp: { sent: false, reason: 'unconfirmed' }, day3: { sent: true }, day7: { sent: true } })
      expect(sentTo(user.email).map((m) => m.template)).toEqual(['welcome', 'onboarding-day-3', 'onboarding-day-7'])
    })

    test('a user deleted before the run starts gets nothing, and the run does not sleep', async () => {
      const user = createUser()
      db.delete(users).where(eq(users.id, user.id)).run()
      const { result, ctx } = await run({ events: [registered(user)], steps: sleeps() })
      expect(result).toEqual({ userId: user.id, welcome: { sent: false, reason: 'user-deleted' }, followUp: null, day3: null, day7: null })
      expect(ctx.step.sleep).not.toHaveBeenCalled()
      expect(sentTo(user.email)).toEqual([])
    })
  })

  test('the run is cancelled by user/unsubscribed (onboarding) and user/deleted for the same user', () => {
    const [config] = welcomeJourney['getConfig']({ baseUrl: new URL('http://localhost:5173/api/inngest'), appPrefix: 'courrier' }) as Array<{ cancel?: unknown }>
    expect(config!.cancel).toEqual([
      { event: 'user/unsubscribed', if: "event.data.userId == async.data.userId && async.data.topic == 'onboarding'" },
      { event: 'user/deleted', if: 'event.data.userId == async.data.userId' },
    ])
  })

  test('the same event run twice (a retried run, a redelivery) stores each email once', async () => {
    const user = createUser({ language: 'en' })
    const event = registered(user)
    await run({ events: [event], steps: sleeps() })
    await run({ events: [event], steps: sleeps() })
    expect(sentTo(user.email).map((m) => m.template)).toEqual(['welcome', 'welcome-follow-up', 'onboarding-day-3', 'onboarding-day-7'])
  })

  test('a failing send surfaces as the run error and nothing is stored', async () => {
    // An address that cannot receive mail: retrying cannot help, so the send refuses for good.
    const user = createUser({ email: 'not-an-address' })
    const { error, ctx } = await run({ events: [registered(user)], steps: sleeps() })
    expect(error).toMatchObject({ name: 'NonRetriableError', message: expect.stringContaining('invalid recipient address') })
    expect(ctx.step.sleep).not.toHaveBeenCalled()
    expect(sentTo('not-an-address')).toEqual([])
  })

  test('an event that does not match the catalogue schema is refused before any step runs', async () => {
    const { error, ctx } = await run({ events: [{ name: 'user/registered', data: { userId: '' } }] })
    expect(error).toMatchObject({ name: 'EventValidationError', message: expect.stringMatching(/userId/) })
    expect(ctx.step.run).not.toHaveBeenCalled()
  })
})

test('delays are Inngest durations; the waits between emails count from signup', () => {
  expect(durationMs('1d12h')).toBe(36 * 3_600_000)
  expect(waitBetween('24h', '3d')).toBe('172800s')
  expect(waitBetween('1m', '3m')).toBe('120s')
  // A misconfigured order never makes a negative or zero sleep.
  expect(waitBetween('3d', '1d')).toBe('1s')
})
