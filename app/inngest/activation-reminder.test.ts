// The activation reminder driven the way Inngest drives it: the executor double calls /api/inngest over
// the SDK's protocol and resumes the wait with the user/activated event the test says arrived, or with
// null at the timeout (InngestTestEngine cannot mock a waitForEvent under inngest v4's event validation).
import { eq } from 'drizzle-orm'
import { describe, expect, test } from 'vitest'
import { deriveUserToken } from '~/auth/user-tokens.server'
import { db } from '~/db/client.server'
import { users, userTokens } from '~/db/schema'
import { createUser, mailbox } from '../../test/db-utils'
import { callInngestRoute, inngestEndpoint } from '../../test/inngest-route'
import { runFunction, type ExecutorOptions, type InngestEvent, type Wait } from '../../test/mocks/inngest-executor'

const FN = 'courrier-activation-reminder'
const registered = (userId: string): InngestEvent => ({ id: `evt-reg-${userId}`, name: 'user/registered', data: { userId } })
const activated = (userId: string): InngestEvent => ({ name: 'user/activated', data: { userId } })

function remind(userId: string, options: Partial<ExecutorOptions> = {}, event = registered(userId)) {
  return runFunction(FN, event, { endpoint: inngestEndpoint, fetch: callInngestRoute, ...options })
}
/** The wait times out, after `during` ran (what happened in the 48 hours). */
const timesOut = (during: () => void = () => {}) => ({ onWaitForEvent: () => (during(), null) })

const mailFor = (email: string) => mailbox().filter((m) => m.to === email)
const linksOf = (userId: string) => db.select().from(userTokens).where(eq(userTokens.userId, userId)).all()

describe('activation reminder (user/registered → waits for user/activated)', () => {
  test('waits for this user’s user/activated, matched on the user id, for ACTIVATION_REMINDER_DELAY (48h)', async () => {
    const user = createUser()
    const waits: Wait[] = []
    await remind(user.id, { onWaitForEvent: (wait) => (waits.push(wait), activated(user.id)) })
    // The SDK sends the duration normalized ("48h" goes out as "2d").
    expect(waits).toEqual([{ step: 'wait-for-activation', event: 'user/activated', timeout: '2d', if: 'event.data.userId == async.data.userId' }])
  })

  test('activated in time: the run ends with its reason and sends nothing', async () => {
    const user = createUser()
    const run = await remind(user.id, { onWaitForEvent: () => activated(user.id) })
    expect(run).toMatchObject({ status: 'completed', output: { reminded: false, reason: 'activated' } })
    expect(run.log.map((l) => l.op)).toEqual(['WaitForEvent'])
    expect(mailFor(user.email)).toEqual([])
  })

  test('not activated: one reminder in the user’s language, with a fresh 7-day link of theirs', async () => {
    const user = createUser({ language: 'es', name: 'Lucía' })
    const run = await remind(user.id, timesOut())
    expect(run).toMatchObject({ status: 'completed', output: { reminded: true, transport: 'local' } })
    const [mail, ...more] = mailFor(user.email)
    expect(more).toEqual([])
    expect(mail).toMatchObject({ template: 'activation-reminder', locale: 'es', subject: 'Lucía, confirma tu dirección para activar tu cuenta de Courrier' })
    const [link] = linksOf(user.id)
    expect(mail!.html).toContain(`/verify-email/${deriveUserToken('email-verification', link!.id)}`)
    expect(link!.expiresAt.getTime() - Date.now()).toBeGreaterThan(6.9 * 24 * 60 * 60 * 1000)
  })

  test('confirmed while it waited but the event missed (or late): the step reads the account and sends nothing', async () => {
    const user = createUser()
    const run = await remind(user.id, timesOut(() => db.update(users).set({ emailVerifiedAt: new Date() }).where(eq(users.id, user.id)).run()))
    expect(run).toMatchObject({ status: 'completed', output: { reminded: false, reason: 'confirmed-meanwhile' } })
    expect(mailFor(user.email)).toEqual([])
    expect(linksOf(user.id)).toEqual([])
  })

  test('deleted meanwhile: nothing to send, and the reason says so', async () => {
    const user = createUser()
    const run = await remind(user.id, timesOut(() => db.delete(users).where(eq(users.id, user.id)).run()))
    expect(run).toMatchObject({ status: 'completed', output: { reminded: false, reason: 'user-deleted' } })
    expect(mailFor(user.email)).toEqual([])
  })

  test('lost step responses: the send uses the link the memoized step returned; one email', async () => {
    const user = createUser({ language: 'fr' })
    const run = await remind(user.id, { ...timesOut(), loseFirstResponseOfEachStep: true })
    expect(run.status).toBe('completed')
    expect(run.log.filter((l) => l.op === 'ResponseLost').map((l) => l.step)).toEqual(['issue-fresh-link', 'send-activation-reminder'])
    // The attempt whose answer was lost issued a link nobody receives (harmless: unguessable, expires).
    const links = linksOf(user.id)
    expect(links).toHaveLength(2)
    const [mail, ...more] = mailFor(user.email)
    expect(more).toEqual([])
    expect(links.filter((link) => mail!.html.includes(deriveUserToken('email-verification', link.id)))).toHaveLength(1)
  })

  test('a replayed run (the same event again) sends nothing new: one reminder, ever', async () => {
    const user = createUser({ language: 'fr' })
    const event = registered(user.id)
    await remind(user.id, timesOut(), event)
    const replay = await remind(user.id, timesOut(), event)
    expect(replay.status).toBe('completed')
    expect(mailFor(user.email).map((m) => m.template)).toEqual(['activation-reminder'])
  })
})
