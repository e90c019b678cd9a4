import { afterEach, beforeEach, describe, expect, test, vi } from 'vitest'
import { accountHold, holdAfter, MAX_HOLD_SECONDS, recordLoginFailure, recordLoginSuccess } from './login-throttle.server'

describe('per-account login holds', () => {
  beforeEach(() => vi.useFakeTimers({ now: new Date('2026-01-01T00:00:00Z') }))
  afterEach(() => vi.useRealTimers())

  test('four wrong passwords are free, then the holds grow 30 s, 1, 2, 4 minutes and stop at 5', () => {
    expect([1, 2, 3, 4].map(holdAfter)).toEqual([0, 0, 0, 0])
    expect([5, 6, 7, 8, 9, 10, 50].map(holdAfter)).toEqual([30, 60, 120, 240, 300, 300, 300])
    expect(MAX_HOLD_SECONDS).toBe(300)
  })

  test('a held account waits out its hold; the next failure holds it longer; a success clears everything', async () => {
    const id = `acct-${crypto.randomUUID()}`
    for (let i = 0; i < 4; i++) await recordLoginFailure(id)
    expect(await accountHold(id)).toBe(0)
    await recordLoginFailure(id)
    expect(await accountHold(id)).toBe(30)
    vi.advanceTimersByTime(29_000)
    expect(await accountHold(id)).toBe(1)
    vi.advanceTimersByTime(1_001)
    expect(await accountHold(id)).toBe(0)
    await recordLoginFailure(id)
    expect(await accountHold(id)).toBe(60)
    vi.advanceTimersByTime(60_001)
    await recordLoginSuccess(id)
    await recordLoginFailure(id)
    expect(await accountHold(id)).toBe(0)
  })

  test('the count is forgotten a day after the first failure', async () => {
    const id = `acct-${crypto.randomUUID()}`
    for (let i = 0; i < 5; i++) await recordLoginFailure(id)
    vi.advanceTimersByTime(24 * 60 * 60 * 1000 + 1)
    expect(await accountHold(id)).toBe(0)
    await recordLoginFailure(id)
    expect(await accountHold(id)).toBe(0)
  })
})
