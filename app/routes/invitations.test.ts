import { InngestTestEngine } from '@inngest/test'
import { eq } from 'drizzle-orm'
import { randomUUID } from 'node:crypto'
import { describe, expect, test } from 'vitest'
import type { Locale } from '~/i18n/locales'
import { createUserSessionCookie } from '~/auth/session.server'
import { db } from '~/db/client.server'
import { invitations, mailboxMessages, memberships, organizations, outboxEvents, subscriptions, users } from '~/db/schema'
import { sendInvitation } from '~/inngest/send-invitation.server'
import { createInvitation, INVITATION_TTL_MS } from '~/organizations/invitations.server'
import { hashInvitationToken, invitationAcceptUrl, invitationToken } from '~/organizations/invitation-token.server'
import { APP, callRoute, formRequest, unwrap } from '../../test/route-harness'
import { action as dashboardAction, loader as dashboardLoader } from './dashboard'
import { action as acceptAction, loader as acceptLoader } from './invitations.$id.$token'

const unique = (label: string) => `${label}-${randomUUID().slice(0, 8)}@example.com`

async function signedIn(email = unique('user'), language: Locale = 'en', name = 'Some One') {
  const user = db.insert(users).values({ email, name, passwordHash: 'scrypt$x', language }).returning().get()
  const setCookie = await createUserSessionCookie(new Request(APP), user.id)
  return { user, cookie: setCookie.split(';')[0]! }
}

/** An organization with a trialing subscription, owned by a signed-in user. */
async function organizationWithOwner(language: Locale = 'fr') {
  const owner = await signedIn(unique('owner'), language, 'Camille Owner')
  const subscriptionId = `sub_${randomUUID().slice(0, 8)}`
  db.insert(subscriptions).values({ id: subscriptionId, customerId: 'cus_1', status: 'trialing', trialEnd: new Date('2030-01-15T00:00:00Z'), lastEventAt: 1 }).run()
  const organization = db.insert(organizations).values({ name: 'Atelier Dupont', stripeSubscriptionId: subscriptionId }).returning().get()
  db.insert(memberships).values({ organizationId: organization.id, userId: owner.user.id, role: 'owner' }).run()
  return { owner, organization }
}

function invite(cookie: string, fields: Record<string, string>, headers: Record<string, string> = {}) {
  return callRoute(dashboardAction, formRequest('/dashboard', { intent: 'invite', ...fields }, { Cookie: cookie, ...headers })).then(unwrap)
}

function linkOf(invitationId: string) {
  return { id: invitationId, token: invitationToken(invitationId), path: `/invitations/${invitationId}/${invitationToken(invitationId)}` }
}

function openLink(link: { id: string; token: string; path: string }, cookie?: string) {
  const request = new Request(`${APP}${link.path}`, { headers: cookie ? { Cookie: cookie } : {} })
  return callRoute(acceptLoader, request, { params: { id: link.id, token: link.token } }).then(unwrap)
}

function accept(link: { id: string; token: string; path: string }, cookie: string, headers: Record<string, string> = {}) {
  return callRoute(acceptAction, formRequest(link.path, {}, { Cookie: cookie, ...headers }), { params: { id: link.id, token: link.token } })
}

const counts = () => ({
  invitations: db.select().from(invitations).all().length,
  outbox: db.select().from(outboxEvents).all().length,
  memberships: db.select().from(memberships).all().length,
})

/** Accepting this link is refused with this status and message, and nothing is written. */
async function expectAcceptRefused(link: Parameters<typeof accept>[0], cookie: string, status: number, key: string) {
  const before = counts()
  const res = unwrap(await accept(link, cookie))
  expect([res.status, res.body.errors.form]).toEqual([status, key])
  expect(counts()).toEqual(before)
}

describe('inviting from the dashboard', () => {
  test('an owner invites by email: the invitation and its event are written together, with no token in the event', async () => {
    const { owner, organization } = await organizationWithOwner()
    const before = counts()
    const res = await invite(owner.cookie, { organizationId: organization.id, email: '  Lea@Example.com ' }, { 'Accept-Language': 'es' })
    expect(res.status).toBe(200)
    expect(res.body).toEqual({ done: 'invited', email: 'lea@example.com', organizationId: organization.id })
    expect(counts()).toEqual({ ...before, invitations: before.invitations + 1, outbox: before.outbox + 1 })

    const invitation = db.select().from(invitations).all().find((i) => i.email === 'lea@example.com' && i.organizationId === organization.id)!
    expect(invitation.tokenHash).toBe(hashInvitationToken(invitationToken(invitation.id)))
    expect(invitation.language).toBe('es')
    expect(invitation.invitedBy).toBe(owner.user.id)
    expect(Math.abs(invitation.expiresAt.getTime() - (Date.now() + INVITATION_TTL_MS))).toBeLessThan(60_000)
    const event = db.select().from(outboxEvents).all().find((e) => e.id === `invitation-${invitation.id}`)!
    expect(event.name).toBe('organization/invitation.created')
    // Ids only: the step reads the address, language, names and expiry when it sends.
    expect(event.data).toEqual({ invitationId: invitation.id, organizationId: organization.id })
    expect(JSON.stringify(event.data)).not.toContain(invitationToken(invitation.id))
  })

  test('the invitee’s own language is used when they already have an account', async () => {
    const { owner, organization } = await organizationWithOwner('en')
    const invitee = await signedIn(unique('has-account'), 'fr')
    expect((await invite(owner.cookie, { organizationId: organization.id, email: invitee.user.email }, { 'Accept-Language': 'es' })).status).toBe(200)
    expect(db.select().from(invitations).all().find((i) => i.email === invitee.user.email)!.language).toBe('fr')
  })

  test.each([
    ['an invalid email', { email: 'not-an-email' }, 400, 'email', 'errors.emailInvalid'],
    ['an empty email', { email: '' }, 400, 'email', 'errors.emailInvalid'],
    ['an over-long email', { email: `${'a'.repeat(250)}@example.com` }, 400, 'email', 'errors.emailInvalid'],
    ['no organization', { organizationId: '' }, 400, 'organizationId', 'errors.rejected'],
    ['an organization the user does not own', { organizationId: 'org_of_someone_else' }, 403, 'form', 'invitations.errors.notOwner'],
  ])('%s is refused with a field message and nothing is written', async (_name, fields, status, field, key) => {
    const { owner, organization } = await organizationWithOwner()
    const before = counts()
    const res = await invite(owner.cookie, { organizationId: organization.id, email: unique('x'), ...fields })
    expect(res.status).toBe(status)
    expect(res.body.errors[field]).toBe(key)
    expect(counts()).toEqual(before)
  })

  test('a member who is not an owner cannot invite', async () => {
    const { organization } = await organizationWithOwner()
    const member = await signedIn()
    db.insert(memberships).values({ organizationId: organization.id, userId: member.user.id, role: 'member' }).run()
    const before = counts()
    const res = await invite(member.cookie, { organizationId: organization.id, email: unique('x') })
    expect(res.status).toBe(403)
    expect(res.body.errors.form).toBe('invitations.errors.notOwner')
    expect(counts()).toEqual(before)
  })

  test('an existing member or a pending invitation gets 409; two invitations racing make one', async () => {
    const { owner, organization } = await organizationWithOwner()
    const self = await invite(owner.cookie, { organizationId: organization.id, email: owner.user.email })
    expect([self.status, self.body.errors.email]).toEqual([409, 'invitations.errors.alreadyMember'])
    const email = unique('twice')
    const results = await Promise.all([1, 2, 3].map(() => invite(owner.cookie, { organizationId: organization.id, email })))
    expect(results.map((r) => r.status).sort()).toEqual([200, 409, 409])
    expect(results.find((r) => r.status === 409)!.body.errors.email).toBe('invitations.errors.alreadyInvited')
    expect(db.select().from(invitations).all().filter((i) => i.email === email)).toHaveLength(1)
  })

  test('a form posted from another site gets 403 and writes nothing; an oversized one 413', async () => {
    const { owner, organization } = await organizationWithOwner()
    const before = counts()
    const crossSite = await invite(owner.cookie, { organizationId: organization.id, email: unique('x') }, { Origin: 'https://evil.example' })
    expect([crossSite.status, crossSite.body.errors.form]).toEqual([403, 'errors.crossOrigin'])
    const huge = await invite(owner.cookie, { organizationId: organization.id, email: unique('x'), padding: 'x'.repeat(20_000) })
    expect(huge.status).toBe(413)
    expect(counts()).toEqual(before)
  })

  test('signed out, the action sends to the login page', async () => {
    const res = await invite('', { organizationId: 'x', email: unique('x') }).catch((thrown: unknown) => unwrap(thrown))
    expect(res.status).toBe(302)
    expect(res.headers.get('Location')).toMatch(/^\/login\?redirectTo=/)
  })

  test('the dashboard shows the organization, its subscription status, members and pending invitations', async () => {
    const { owner, organization } = await organizationWithOwner()
    await invite(owner.cookie, { organizationId: organization.id, email: 'pending@example.com' })
    const data = await callRoute(dashboardLoader, new Request(`${APP}/dashboard`, { headers: { Cookie: owner.cookie } }))
    expect(data.organizations).toEqual([
      {
        id: organization.id,
        name: 'Atelier Dupont',
        role: 'owner',
        subscription: { status: 'trialing', trialEnd: '2030-01-15T00:00:00.000Z', plan: null },
        members: [{ userId: owner.user.id, name: 'Camille Owner', email: owner.user.email, role: 'owner' }],
        invitations: [expect.objectContaining({ email: 'pending@example.com', status: 'pending' })],
      },
    ])
  })
})

describe('the invitation link', () => {
  async function invited(email = unique('invitee')) {
    const { owner, organization } = await organizationWithOwner()
    const result = createInvitation({ organizationId: organization.id, inviterId: owner.user.id, email, language: 'fr' })
    if (!result.ok) throw new Error(result.error)
    return { owner, organization, email, link: linkOf(result.invitationId) }
  }

  test('signed out: shows the invitation and remembers it; after signing up, the dashboard brings the invitee back', async () => {
    const { link, email } = await invited()
    const page = await openLink(link)
    expect(page.status).toBe(200)
    expect(page.body).toMatchObject({ state: 'pending', invitation: { email, organizationName: 'Atelier Dupont', inviterName: 'Camille Owner', status: 'pending' } })
    const remembered = page.headers.get('Set-Cookie')!.split(';')[0]!

    const invitee = await signedIn(email)
    const redirected = await callRoute(dashboardLoader, new Request(`${APP}/dashboard`, { headers: { Cookie: `${invitee.cookie}; ${remembered}` } })).catch((r: unknown) => unwrap(r))
    expect(redirected).toMatchObject({ status: 302 })
    expect((redirected as { headers: Headers }).headers.get('Location')).toBe(link.path)

    const joined = unwrap(await accept(link, invitee.cookie))
    expect([joined.status, joined.headers.get('Location')]).toEqual([302, '/dashboard'])
    expect(db.select().from(memberships).all().filter((m) => m.userId === invitee.user.id)).toEqual([expect.objectContaining({ role: 'member' })])
    expect(db.select().from(invitations).all().find((i) => i.id === link.id)).toMatchObject({ acceptedBy: invitee.user.id })
    // The link reached that address: accepting proves it (activation), once.
    expect(db.select().from(users).all().find((u) => u.id === invitee.user.id)!.emailVerifiedAt).toBeInstanceOf(Date)
    expect(db.select().from(outboxEvents).all().filter((e) => e.name === 'user/activated' && (e.data as { userId: string }).userId === invitee.user.id)).toHaveLength(1)

    // Accepted once: the link now says so, and a second accept changes nothing.
    const again = await openLink(link, invitee.cookie)
    expect([again.status, again.body.state]).toEqual([410, 'accepted'])
    await expectAcceptRefused(link, invitee.cookie, 410, 'invitations.errors.accepted')
  })

  test('two accepts racing: one joins, the other is told it was used', async () => {
    const { link, email } = await invited()
    const invitee = await signedIn(email)
    const results = (await Promise.all([accept(link, invitee.cookie), accept(link, invitee.cookie)])).map(unwrap)
    expect(results.map((r) => r.status).sort()).toEqual([302, 410])
    expect(db.select().from(memberships).all().filter((m) => m.userId === invitee.user.id)).toHaveLength(1)
  })

  test('an expired invitation says so and cannot be accepted', async () => {
    const { owner, organization } = await organizationWithOwner()
    const email = unique('late')
    const created = createInvitation({ organizationId: organization.id, inviterId: owner.user.id, email, language: 'en', now: new Date(Date.now() - INVITATION_TTL_MS - 1000) })
    if (!created.ok) throw new Error(created.error)
    const link = linkOf(created.invitationId)
    const page = await openLink(link)
    expect([page.status, page.body.state]).toEqual([410, 'expired'])
    const invitee = await signedIn(email)
    await expectAcceptRefused(link, invitee.cookie, 410, 'invitations.errors.expired')
    // An expired invitation does not block a new one.
    expect((await invite(owner.cookie, { organizationId: organization.id, email })).status).toBe(200)
  })

  test('a revoked invitation says so and cannot be accepted; only an owner revokes', async () => {
    const { owner, link, email, organization } = await invited()
    const stranger = await signedIn()
    const refused = await callRoute(dashboardAction, formRequest('/dashboard', { intent: 'revoke', invitationId: link.id, organizationId: organization.id }, { Cookie: stranger.cookie })).then(unwrap)
    expect([refused.status, refused.body.errors.form]).toEqual([409, 'invitations.errors.revokeFailed'])
    expect((await openLink(link)).body.state).toBe('pending')

    const revoked = await callRoute(dashboardAction, formRequest('/dashboard', { intent: 'revoke', invitationId: link.id, organizationId: organization.id }, { Cookie: owner.cookie })).then(unwrap)
    expect(revoked.body).toEqual({ done: 'revoked', email: '', organizationId: organization.id })
    const page = await openLink(link)
    expect([page.status, page.body.state]).toEqual([410, 'revoked'])
    const invitee = await signedIn(email)
    const res = unwrap(await accept(link, invitee.cookie))
    expect([res.status, res.body.errors.form]).toEqual([410, 'invitations.errors.revoked'])
    expect(db.select().from(memberships).all().filter((m) => m.userId === invitee.user.id)).toEqual([])
  })

  test('signed in with another address: told so, and accepting is refused', async () => {
    const { link } = await invited()
    const other = await signedIn(unique('other'))
    const page = await openLink(link, other.cookie)
    expect([page.status, page.body.state]).toEqual([403, 'wrongAccount'])
    await expectAcceptRefused(link, other.cookie, 403, 'invitations.errors.wrongAccount')
  })

  test.each([
    ['a made-up token', (id: string) => ({ id, token: 'A'.repeat(43) })],
    ['a token of another invitation', (id: string) => ({ id, token: invitationToken(`${id}-other`) })],
    ['an unknown invitation id with its correct-looking token', () => ({ id: 'does-not-exist', token: invitationToken('does-not-exist') })],
    ['a truncated token', (id: string) => ({ id, token: invitationToken(id).slice(0, 20) })],
  ])('%s gets 404 and accepts nothing', async (_name, make) => {
    const { link: real, email } = await invited()
    const forged = make(real.id)
    const link = { ...forged, path: `/invitations/${forged.id}/${forged.token}` }
    const page = await openLink(link)
    expect([page.status, page.body.state]).toEqual([404, 'invalid'])
    const invitee = await signedIn(email)
    await expectAcceptRefused(link, invitee.cookie, 404, 'invitations.errors.invalid')
  })

  test('accepting from another site is refused', async () => {
    const { link, email } = await invited()
    const invitee = await signedIn(email)
    const res = unwrap(await accept(link, invitee.cookie, { Origin: 'https://evil.example' }))
    expect(res.status).toBe(403)
    expect(db.select().from(memberships).all().filter((m) => m.userId === invitee.user.id)).toEqual([])
  })
})

describe('send-invitation', () => {
  test('emails the invitation in its language, with the accept link; a second run sends nothing more', async () => {
    const { owner, organization } = await organizationWithOwner()
    const email = unique('mail')
    const created = createInvitation({ organizationId: organization.id, inviterId: owner.user.id, email, language: 'es' })
    if (!created.ok) throw new Error(created.error)
    const row = db.select().from(outboxEvents).all().find((e) => e.id === `invitation-${created.invitationId}`)!
    const event = { name: row.name, id: row.id, data: row.data }
    const t = new InngestTestEngine({ function: sendInvitation })
    const first = await t.execute({ events: [event as never] })
    expect(first.result).toMatchObject({ sent: true, transport: 'local' })
    await new InngestTestEngine({ function: sendInvitation }).execute({ events: [event as never] })
    const mail = db.select().from(mailboxMessages).all().filter((m) => m.to === email)
    expect(mail).toHaveLength(1)
    expect(mail[0]).toMatchObject({ template: 'invitation', locale: 'es' })
    expect(mail[0]!.html).toContain(invitationAcceptUrl(created.invitationId).replaceAll('&', '&amp;'))
  })

  test('an invitation revoked before the email left is not sent', async () => {
    const { owner, organization } = await organizationWithOwner()
    const email = unique('revoked-early')
    const created = createInvitation({ organizationId: organization.id, inviterId: owner.user.id, email, language: 'fr' })
    if (!created.ok) throw new Error(created.error)
    db.update(invitations).set({ revokedAt: new Date() }).where(eq(invitations.id, created.invitationId)).run()
    const row = db.select().from(outboxEvents).all().find((e) => e.id === `invitation-${created.invitationId}`)!
    const { result } = await new InngestTestEngine({ function: sendInvitation }).execute({ events: [{ name: row.name, id: row.id, data: row.data } as never] })
    expect(result).toEqual({ sent: false, reason: 'not-pending' })
    expect(db.select().from(mailboxMessages).all().filter((m) => m.to === email)).toEqual([])
  })
})
