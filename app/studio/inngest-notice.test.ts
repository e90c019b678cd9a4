import { beforeEach, describe, expect, test, vi } from 'vitest'
import { eq } from 'drizzle-orm'
import { createUserSessionCookie } from '~/auth/session.server'
import { db } from '~/db/client.server'
import { outboxEvents, users } from '~/db/schema'
import { userRegistered } from '~/events'
import { emailsCanLeave } from '~/inngest/dev-server.server'
import { enqueueEvent } from '~/outbox/index.server'
import { loader as overviewLoader } from '~/routes/admin._index'
import { loader as templateLoader } from '~/routes/admin.emails.$template'
import { APP, callRoute } from '../../test/route-harness'

// The probe itself (a fetch to the dev server) is the dashboard's; here it answers what each test says.
vi.mock('~/inngest/dev-server.server', async (original) => ({ ...(await original<object>()), emailsCanLeave: vi.fn(async () => true) }))

async function marketerCookie() {
  const [user] = db
    .insert(users)
    .values({ email: `marketer-${crypto.randomUUID()}@example.com`, name: 'M', passwordHash: 'x', language: 'en', role: 'marketer' })
    .returning()
    .all()
  return (await createUserSessionCookie(new Request(APP), user!.id)).split(';')[0]!
}

async function notices() {
  const cookie = await marketerCookie()
  const get = (path: string) => new Request(`${APP}${path}`, { headers: { Cookie: cookie } })
  const overview = await callRoute(overviewLoader, get('/admin'))
  const template = await callRoute(templateLoader, get('/admin/emails/welcome'), { params: { template: 'welcome' } })
  return [overview.inngest, template.inngest]
}

describe('the studio says when the Inngest dev server is not reachable', () => {
  beforeEach(() => {
    db.delete(outboxEvents).run()
  })

  test('while emails can leave (production, or the dev server answers) the overview and the template page say nothing', async () => {
    vi.mocked(emailsCanLeave).mockResolvedValue(true)
    enqueueEvent(db, userRegistered.create({ userId: 'u1' }))
    expect(await notices()).toEqual([null, null])
  })

  test('when it is down, both give the command that starts it and count the events waiting in the outbox', async () => {
    vi.mocked(emailsCanLeave).mockResolvedValue(false)
    enqueueEvent(db, userRegistered.create({ userId: 'u1' }))
    enqueueEvent(db, userRegistered.create({ userId: 'u2' }))
    const sent = enqueueEvent(db, userRegistered.create({ userId: 'u3' }))
    db.update(outboxEvents).set({ status: 'sent', sentAt: new Date() }).where(eq(outboxEvents.id, sent)).run()
    const expected = { command: `npx inngest-cli@latest dev -u ${new URL('/api/inngest', APP).href}`, waiting: 2 }
    expect(await notices()).toEqual([expected, expected])
  })
})
