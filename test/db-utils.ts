// Rows for function tests, written straight into the test's own SQLite file.
import { randomUUID } from 'node:crypto'
import { asc, eq } from 'drizzle-orm'
import { db } from '~/db/client.server'
import { mailboxMessages, memberships, organizations, subscriptions, users } from '~/db/schema'
import type { Locale } from '~/i18n/locales'

export function createUser(fields: Partial<typeof users.$inferInsert> = {}) {
  const id = randomUUID()
  return db
    .insert(users)
    .values({ id, email: `user-${id.slice(0, 8)}@example.com`, name: 'Camille Dupont', passwordHash: 'x', language: 'fr', ...fields })
    .returning()
    .get()
}

/** A user who proved their address (what /verify-email sets): lifecycle email may reach them. */
export function createConfirmedUser(fields: Partial<typeof users.$inferInsert> = {}) {
  return createUser({ emailVerifiedAt: new Date(), ...fields })
}

/** Sets users.emailVerifiedAt, as following the confirmation link does. */
export function confirmEmail(userId: string, at = new Date()) {
  db.update(users).set({ emailVerifiedAt: at }).where(eq(users.id, userId)).run()
}

export function createTrialingOrganization(options: { status?: string; trialEnd?: Date | null; ownerLanguage?: Locale } = {}) {
  const subscriptionId = `sub_${randomUUID().slice(0, 8)}`
  db.insert(subscriptions)
    .values({
      id: subscriptionId,
      customerId: 'cus_test',
      status: options.status ?? 'trialing',
      trialEnd: options.trialEnd === undefined ? new Date('2099-12-10T00:00:00Z') : options.trialEnd,
      lastEventAt: 1,
    })
    .run()
  const organization = db.insert(organizations).values({ name: 'Atelier Dupont', stripeSubscriptionId: subscriptionId }).returning().get()
  const owner = createUser({ name: 'Camille Owner', language: options.ownerLanguage ?? 'fr' })
  db.insert(memberships).values({ organizationId: organization.id, userId: owner.id, role: 'owner' }).run()
  const member = createUser({ name: 'Léa Member', language: 'en' })
  db.insert(memberships).values({ organizationId: organization.id, userId: member.id, role: 'member' }).run()
  return { organization, owner, member, subscriptionId }
}

export function mailbox() {
  return db.select().from(mailboxMessages).orderBy(asc(mailboxMessages.createdAt)).all()
}

