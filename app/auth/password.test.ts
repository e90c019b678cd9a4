import { scryptSync } from 'node:crypto'
import { describe, expect, test, vi } from 'vitest'
import { hashPassword, verifyPassword } from './password.server'

// The module as production runs it: the test setup lowers the cost of every other file's hashes.
vi.unmock('~/auth/password.server')

describe('passwords', () => {
  test('hash with scrypt, verify, and refuse a wrong password', async () => {
    const hash = await hashPassword('correct horse battery staple')
    expect(hash).toMatch(/^scrypt\$8192\$8\$10\$[\w-]+\$[\w-]+$/)
    expect(await verifyPassword('correct horse battery staple', hash)).toBe(true)
    expect(await verifyPassword('correct horse battery stapler', hash)).toBe(false)
    expect(await verifyPassword('anything', 'not-a-hash')).toBe(false)
  })

  test('a hash made with the earlier settings (N=2^14, p=5) still verifies', async () => {
    const salt = Buffer.from('an earlier salt!')
    const key = scryptSync('an earlier password', salt, 32, { N: 2 ** 14, r: 8, p: 5, maxmem: 64 * 1024 * 1024 })
    const stored = ['scrypt', 16384, 8, 5, salt.toString('base64url'), key.toString('base64url')].join('$')
    expect(await verifyPassword('an earlier password', stored)).toBe(true)
    expect(await verifyPassword('another password', stored)).toBe(false)
  })

  test('the same password gets a different salt each time; Unicode forms verify alike', async () => {
    const [a, b] = await Promise.all([hashPassword('café au lait!'), hashPassword('café au lait!')])
    expect(a).not.toBe(b)
    expect(await verifyPassword('cafe\u0301 au lait!', a)).toBe(true)
  })

  test('many hashes at once all complete (they queue for a core instead of piling up)', async () => {
    const hashes = await Promise.all(Array.from({ length: 6 }, (_, i) => hashPassword(`password number ${i}`)))
    expect(new Set(hashes).size).toBe(6)
    expect(await verifyPassword('password number 5', hashes[5]!)).toBe(true)
  })
})
