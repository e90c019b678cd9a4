import { eq } from 'drizzle-orm'
import { describe, expect, test } from 'vitest'
import { db } from '~/db/client.server'
import { userTokens } from '~/db/schema'
import { createConfirmedUser, createUser } from '../../test/db-utils'
import { confirmationPathFor, issueConfirmationToken } from './email-verification.server'
import { userTokenPath } from './user-tokens.server'

const DAY = 24 * 60 * 60 * 1000
const tokensOf = (userId: string) => db.select().from(userTokens).where(eq(userTokens.userId, userId)).all()

describe("confirmationPathFor: the welcome email's link (its statements prepared once per database)", () => {
  test('the newest unused, unexpired link; a used or expired one is never sent', () => {
    const user = createUser()
    const t0 = new Date('2026-11-01T09:00:00Z')
    const older = issueConfirmationToken(db, user.id, t0)
    const newest = issueConfirmationToken(db, user.id, new Date(t0.getTime() + 60_000))
    const at = new Date(t0.getTime() + DAY)
    expect(confirmationPathFor(user.id, at)).toBe(userTokenPath('email-verification', newest))
    // Asked again (a retried step), the same link.
    expect(confirmationPathFor(user.id, at)).toBe(userTokenPath('email-verification', newest))

    db.update(userTokens).set({ usedAt: at }).where(eq(userTokens.id, newest)).run()
    expect(confirmationPathFor(user.id, at)).toBe(userTokenPath('email-verification', older))
    expect(tokensOf(user.id)).toHaveLength(2)
  })

  test('every link expired: a new one is issued, valid for its week, and kept for the next call', () => {
    const user = createUser()
    const t0 = new Date('2026-11-01T09:00:00Z')
    issueConfirmationToken(db, user.id, t0)
    const weekLater = new Date(t0.getTime() + 7 * DAY)
    const path = confirmationPathFor(user.id, weekLater)
    const tokens = tokensOf(user.id)
    expect(tokens).toHaveLength(2)
    const fresh = tokens.find((t) => t.createdAt.getTime() === weekLater.getTime())!
    expect(path).toBe(userTokenPath('email-verification', fresh.id))
    expect(fresh.expiresAt.getTime()).toBe(weekLater.getTime() + 7 * DAY)
    expect(confirmationPathFor(user.id, new Date(weekLater.getTime() + 1000))).toBe(path)
  })

  test('none for a proven address or a user who is gone', () => {
    expect(confirmationPathFor(createConfirmedUser().id)).toBeNull()
    expect(confirmationPathFor('no-such-user')).toBeNull()
  })
})
