import * as crypto from 'node:crypto'
import { eq } from 'drizzle-orm'
import { describe, expect, test, vi } from 'vitest'
import { db } from '~/db/client.server'
import { userTokens } from '~/db/schema'
import { createUser } from '../../test/db-utils'
import {
  checkUserToken,
  consumeUserToken,
  deriveUserToken,
  hashUserToken,
  issueUserToken,
  TOKEN_TTL_MS,
  tokensMatch,
  userTokenPath,
} from './user-tokens.server'

vi.mock('node:crypto', async (importOriginal) => {
  const actual = await importOriginal<typeof crypto>()
  return { ...actual, timingSafeEqual: vi.fn(actual.timingSafeEqual) }
})

const HOUR = 60 * 60 * 1000

function issue(purpose: 'password-reset' | 'email-verification' = 'password-reset', now = new Date()) {
  const user = createUser()
  const id = db.transaction((tx) => issueUserToken(tx, { userId: user.id, purpose, now }))
  return { user, id, token: deriveUserToken(purpose, id) }
}

describe('user tokens', () => {
  test('only the hash is stored; the token is an HMAC of the id and purpose, 43 base64url characters', () => {
    const { id, token } = issue()
    const row = db.select().from(userTokens).where(eq(userTokens.id, id)).get()!
    expect(token).toMatch(/^[A-Za-z0-9_-]{43}$/)
    expect(row.tokenHash).toBe(hashUserToken(token))
    expect(JSON.stringify(row)).not.toContain(token)
    // Same id, another purpose: another token (a reset link is no confirmation link).
    expect(deriveUserToken('email-verification', id)).not.toBe(token)
    expect(userTokenPath('password-reset', id)).toBe(`/reset-password/${token}`)
    expect(userTokenPath('email-verification', id)).toBe(`/verify-email/${deriveUserToken('email-verification', id)}`)
  })

  test('valid until its purpose’s TTL (1 hour for a reset, 7 days for a confirmation), then expired', () => {
    const now = new Date('2026-11-29T10:00:00Z')
    const reset = issue('password-reset', now)
    expect(checkUserToken(db, 'password-reset', reset.token, new Date(now.getTime() + HOUR - 1))).toMatchObject({ status: 'valid', userId: reset.user.id })
    expect(checkUserToken(db, 'password-reset', reset.token, new Date(now.getTime() + HOUR)).status).toBe('expired')
    expect(TOKEN_TTL_MS['email-verification']).toBe(7 * 24 * HOUR)
    const verify = issue('email-verification', now)
    expect(checkUserToken(db, 'email-verification', verify.token, new Date(now.getTime() + 7 * 24 * HOUR - 1)).status).toBe('valid')
    expect(checkUserToken(db, 'email-verification', verify.token, new Date(now.getTime() + 7 * 24 * HOUR)).status).toBe('expired')
    // An expired token cannot be used either.
    expect(db.transaction((tx) => consumeUserToken(tx, reset.id, new Date(now.getTime() + HOUR)))).toBe(false)
  })

  test('single use: the first use wins, the second finds it used', () => {
    const { id, token } = issue()
    expect(db.transaction((tx) => consumeUserToken(tx, id))).toBe(true)
    expect(db.transaction((tx) => consumeUserToken(tx, id))).toBe(false)
    expect(checkUserToken(db, 'password-reset', token).status).toBe('used')
  })

  test('forged, tampered, malformed or other-purpose tokens are invalid', () => {
    const { id, token } = issue()
    const flipped = (token[0] === 'A' ? 'B' : 'A') + token.slice(1)
    for (const forged of [
      flipped,
      crypto.createHmac('sha256', 'another-secret').update(`user-token:password-reset:${id}`).digest('base64url'),
      deriveUserToken('password-reset', crypto.randomUUID()),
      '',
      'x'.repeat(43),
      `${token}=`,
      '../../etc/passwd',
      'a'.repeat(10_000),
    ]) {
      expect(checkUserToken(db, 'password-reset', forged).status).toBe('invalid')
    }
    // The right token checked for another purpose is not found as one.
    expect(checkUserToken(db, 'email-verification', token).status).toBe('invalid')
  })

  test('a row whose stored hash matches but whose token is not derived from its id is refused (the HMAC is checked, not just the hash)', () => {
    const user = createUser()
    const planted = 'p'.repeat(43)
    db.insert(userTokens).values({ userId: user.id, purpose: 'password-reset', tokenHash: hashUserToken(planted), expiresAt: new Date(Date.now() + HOUR) }).run()
    expect(checkUserToken(db, 'password-reset', planted).status).toBe('invalid')
  })

  test('compares in constant time: timingSafeEqual on equal-length buffers, lengths checked first', () => {
    const timingSafeEqual = vi.mocked(crypto.timingSafeEqual)
    timingSafeEqual.mockClear()
    const { token } = issue()
    expect(checkUserToken(db, 'password-reset', token).status).toBe('valid')
    expect(timingSafeEqual).toHaveBeenCalledTimes(1)
    const [a, b] = timingSafeEqual.mock.calls[0]! as [Buffer, Buffer]
    expect(a.length).toBe(b.length)
    expect(tokensMatch('abc', 'abcd')).toBe(false)
    expect(tokensMatch('abc', 'abd')).toBe(false)
    expect(tokensMatch('abc', 'abc')).toBe(true)
  })
})
