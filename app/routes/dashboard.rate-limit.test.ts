import { expect, test, vi } from 'vitest'

// Before any import reads the environment: a small limit, so the test does not need a thousand posts.
vi.hoisted(() => vi.stubEnv('RATE_LIMIT_PER_MINUTE', '3'))

import { createUserSessionCookie } from '~/auth/session.server'
import { db } from '~/db/client.server'
import { invitations, memberships, organizations, users } from '~/db/schema'
import { APP, callRoute, formRequest, unwrap } from '../../test/route-harness'
import { action } from './dashboard'

test('inviting is rate limited per client address, with a localized message and Retry-After', async () => {
  const owner = db.insert(users).values({ email: 'limited-owner@example.com', name: 'Owner', passwordHash: 'scrypt$x', language: 'fr' }).returning().get()
  const organization = db.insert(organizations).values({ name: 'Limited' }).returning().get()
  db.insert(memberships).values({ organizationId: organization.id, userId: owner.id, role: 'owner' }).run()
  const cookie = (await createUserSessionCookie(new Request(APP), owner.id)).split(';')[0]!
  const post = (email: string, clientAddress = '198.51.100.9') =>
    callRoute(action, formRequest('/dashboard', { intent: 'invite', organizationId: organization.id, email }, { Cookie: cookie }), { clientAddress }).then(unwrap)

  for (let i = 0; i < 3; i++) expect((await post(`ok-${i}@example.com`)).status).toBe(200)
  const limited = await post('one-too-many@example.com')
  expect(limited.status).toBe(429)
  expect(limited.body.errors.form).toBe('errors.rateLimited')
  expect(Number(limited.headers.get('Retry-After'))).toBeGreaterThan(0)
  expect(db.select().from(invitations).all().map((i) => i.email)).not.toContain('one-too-many@example.com')
  // Another address is not affected.
  expect((await post('other-address@example.com', '198.51.100.10')).status).toBe(200)
})
