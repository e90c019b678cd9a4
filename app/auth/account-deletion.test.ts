import { InngestTestEngine } from '@inngest/test'
import { eq } from 'drizzle-orm'
import { describe, expect, test } from 'vitest'
import { db } from '~/db/client.server'
import { accountDeletionNotices, emailPreferences, emailSuppressions, invitations, mailboxMessages, memberships, organizations, outboxEvents, sessions, users, userTokens } from '~/db/schema'
import { sendAccountDeleted } from '~/inngest/account-deleted.server'
import { action as accountAction } from '~/routes/settings.account'
import { createConfirmedUser, createUser, mailbox } from '../../test/db-utils'
import { APP, callRoute, formRequest, unwrap } from '../../test/route-harness'
import { REDACTED_ADDRESS } from './account-deletion.server'
import { hashPassword } from './password.server'
import { createUserSessionCookie } from './session.server'

const PASSWORD = 'a long enough password'

async function account(fields: Parameters<typeof createUser>[0] = {}) {
  const user = createConfirmedUser({ passwordHash: await hashPassword(PASSWORD), ...fields })
  const cookie = (await createUserSessionCookie(new Request(APP), user.id)).split(';')[0]!
  return { user, cookie }
}
const remove = (cookie: string, password: string, headers: Record<string, string> = {}) =>
  callRoute(accountAction, formRequest('/settings/account', { password }, { Cookie: cookie, ...headers })).then(unwrap)
const organizationWith = (name: string, people: Array<[string, 'owner' | 'member']>) => {
  const organization = db.insert(organizations).values({ name }).returning().get()
  people.forEach(([userId, role], i) => db.insert(memberships).values({ organizationId: organization.id, userId, role, createdAt: new Date(Date.now() + i) }).run())
  return organization
}
const deletedEvents = (userId: string) => db.select().from(outboxEvents).all().filter((e) => e.name === 'user/deleted' && (e.data as { userId: string }).userId === userId)

describe('account deletion (/settings/account)', () => {
  test('a wrong password deletes nothing', async () => {
    const { user, cookie } = await account()
    expect(await remove(cookie, 'not my password at all')).toMatchObject({ status: 403, body: { errors: { password: 'settings.account.wrongPassword' } } })
    expect(db.select().from(users).where(eq(users.id, user.id)).get()).toBeDefined()
    expect(deletedEvents(user.id)).toEqual([])
  })

  test('from another site, or without a session, nothing happens', async () => {
    const { user, cookie } = await account()
    expect((await remove(cookie, PASSWORD, { Origin: 'https://evil.example' })).status).toBe(403)
    expect(((await callRoute(accountAction, formRequest('/settings/account', { password: PASSWORD })).catch((e: unknown) => e)) as Response).status).toBe(302)
    expect(db.select().from(users).where(eq(users.id, user.id)).get()).toBeDefined()
  })

  test('removes the personal data, keeps the sent-email records without it, and queues user/deleted (the id only) in the same transaction', async () => {
    const { user, cookie } = await account({ name: 'Zoé Départ', language: 'fr' })
    const invitee = createUser()
    const team = organizationWith('Team', [[user.id, 'owner'], [invitee.id, 'member']])
    const pending = db.insert(invitations).values({ organizationId: team.id, email: 'pending@example.com', tokenHash: `h-${user.id}`, invitedBy: user.id, language: 'fr', expiresAt: new Date(Date.now() + 86_400_000) }).returning().get()
    const accepted = db
      .insert(invitations)
      .values({ organizationId: team.id, email: invitee.email, tokenHash: `a-${user.id}`, invitedBy: user.id, language: 'fr', expiresAt: new Date(), acceptedAt: new Date(), acceptedBy: invitee.id })
      .returning()
      .get()
    db.insert(userTokens).values({ userId: user.id, purpose: 'password-reset', tokenHash: `t-${user.id}`, expiresAt: new Date(Date.now() + 3_600_000) }).run()
    db.insert(emailPreferences).values({ userId: user.id, topic: 'onboarding', version: 2 }).run()
    db.insert(emailSuppressions).values({ email: user.email, userId: user.id, topic: 'onboarding', reason: 'unsubscribed' }).run()
    db.insert(mailboxMessages).values({ to: user.email, from: 'x@example.com', subject: 'Bonjour Zoé Départ', html: '<p>Zoé Départ</p>', text: 'Zoé Départ', headers: { 'List-Unsubscribe': '<…>' }, template: 'welcome', locale: 'fr', eventId: 'evt-1' }).run()

    const result = await remove(cookie, PASSWORD)
    expect(result.status).toBe(302)
    expect(result.headers.get('Location')).toBe('/account-deleted')
    expect(result.headers.get('Set-Cookie')).toMatch(/__session=;.*Expires=Thu, 01 Jan 1970/)

    expect(db.select().from(users).where(eq(users.id, user.id)).all()).toEqual([])
    expect(db.select().from(sessions).where(eq(sessions.userId, user.id)).all()).toEqual([])
    expect(db.select().from(memberships).where(eq(memberships.userId, user.id)).all()).toEqual([])
    expect(db.select().from(userTokens).where(eq(userTokens.userId, user.id)).all()).toEqual([])
    expect(db.select().from(emailPreferences).where(eq(emailPreferences.userId, user.id)).all()).toEqual([])
    expect(db.select().from(emailSuppressions).where(eq(emailSuppressions.userId, user.id)).all()).toEqual([])
    // Their pending invitation is gone; an accepted one stays as the record of who joined how, without them.
    expect(db.select().from(invitations).where(eq(invitations.id, pending.id)).all()).toEqual([])
    expect(db.select().from(invitations).where(eq(invitations.id, accepted.id)).get()).toMatchObject({ invitedBy: null })
    // The sent email stays as a record (template, language, event, time), without address or content.
    const record = db.select().from(mailboxMessages).where(eq(mailboxMessages.eventId, 'evt-1')).get()!
    expect(record).toMatchObject({ to: REDACTED_ADDRESS, subject: '', html: '', text: '', headers: {}, template: 'welcome', locale: 'fr' })
    expect(JSON.stringify(db.select().from(mailboxMessages).all())).not.toContain('Zoé')
    // The event carries the id only; the confirmation's address waits in its short-lived row.
    expect(deletedEvents(user.id).map((e) => e.data)).toEqual([{ userId: user.id }])
    expect(db.select().from(accountDeletionNotices).where(eq(accountDeletionNotices.userId, user.id)).get()).toMatchObject({ email: user.email, name: 'Zoé Départ', language: 'fr' })
  })

  test('an organization they own alone passes to its longest-standing member; one they are alone in goes with them', async () => {
    const { user, cookie } = await account()
    const first = createUser()
    const second = createUser()
    const team = organizationWith('Team', [[user.id, 'owner'], [first.id, 'member'], [second.id, 'member']])
    const coOwned = organizationWith('Co-owned', [[second.id, 'owner'], [user.id, 'owner'], [first.id, 'member']])
    const solo = organizationWith('Solo', [[user.id, 'owner']])
    await remove(cookie, PASSWORD)
    const roles = (organizationId: string) => db.select({ userId: memberships.userId, role: memberships.role }).from(memberships).where(eq(memberships.organizationId, organizationId)).all()
    expect(roles(team.id)).toEqual(expect.arrayContaining([{ userId: first.id, role: 'owner' }, { userId: second.id, role: 'member' }]))
    expect(roles(coOwned.id)).toEqual(expect.arrayContaining([{ userId: second.id, role: 'owner' }, { userId: first.id, role: 'member' }]))
    expect(db.select().from(organizations).where(eq(organizations.id, solo.id)).all()).toEqual([])
  })

  test('the confirmation goes to the address in its language, then the notice row is gone; a second run sends nothing', async () => {
    const { user, cookie } = await account({ language: 'es', name: 'Lucía' })
    await remove(cookie, PASSWORD)
    const event = { id: deletedEvents(user.id)[0]!.id, name: 'user/deleted' as const, data: { userId: user.id } }
    const { result } = await new InngestTestEngine({ function: sendAccountDeleted }).execute({ events: [event] })
    expect(result).toMatchObject({ sent: true, transport: 'local' })
    const sent = mailbox().filter((m) => m.to === user.email)
    expect(sent.map((m) => [m.template, m.locale, m.subject])).toEqual([['account-deleted', 'es', 'Tu cuenta de Courrier se ha eliminado']])
    // Transactional: no unsubscribe headers.
    expect(sent[0]!.headers['List-Unsubscribe']).toBeUndefined()
    expect(db.select().from(accountDeletionNotices).where(eq(accountDeletionNotices.userId, user.id)).all()).toEqual([])
    const again = await new InngestTestEngine({ function: sendAccountDeleted }).execute({ events: [event] })
    expect(again.result).toEqual({ sent: false, reason: 'no-notice' })
  })
})
