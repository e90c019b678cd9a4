import { describe, expect, it } from 'vitest'
import { forAudience } from './audience.server'
import type { CheckResult } from './checks/types'

const compat: CheckResult = {
  id: 'compat',
  status: 'warn',
  findings: [
    { key: 'compatUnsupported', params: { feature: 'border-radius', clients: 'outlook.windows, samsung-email.android', count: 2 }, status: 'warn' },
    { key: 'compatUnsupported', params: { feature: 'height', clients: 'samsung-email.android', count: 1 }, status: 'warn' },
    { key: 'compatPartial', params: { feature: 'margin', clients: 'gmail.android, yahoo.ios', count: 2 }, status: 'warn' },
  ],
}
const size: CheckResult = { id: 'size', status: 'pass', findings: [] }

describe('compatibility for the clients the audience uses', () => {
  it('keeps only their clients, drops what none of them has, and counts only them toward the badge', () => {
    const [kept, other] = forAudience([compat, size], ['gmail', 'outlook'])
    expect(other).toBe(size)
    expect(kept).toMatchObject({
      status: 'warn',
      findings: [{ params: { feature: 'border-radius', clients: 'outlook.windows', count: 1 } }, { params: { feature: 'margin', clients: 'gmail.android', count: 1 } }],
    })
  })

  it('is green when only clients outside the audience lack a feature', () => {
    const [kept] = forAudience([compat], ['gmail', 'apple-mail'])
    expect(kept).toMatchObject({ status: 'pass', findings: [{ key: 'compatPartial' }] })
  })
})
