import { expect, test, vi } from 'vitest'

// Before any import reads the environment: a small limit, so the test does not need a thousand posts.
vi.hoisted(() => vi.stubEnv('RATE_LIMIT_PER_MINUTE', '3'))

import { callRoute, formRequest, unwrap } from '../../test/route-harness'
import { action } from './forgot-password'

const post = (email: string, clientAddress: string) => callRoute(action, formRequest('/forgot-password', { email }), { clientAddress }).then(unwrap)

test('limited per client address: a fourth request in the minute gets 429 with Retry-After', async () => {
  for (let i = 0; i < 3; i++) expect((await post(`client-${i}@example.com`, '198.51.100.1')).status).toBe(200)
  const refused = await post('client-3@example.com', '198.51.100.1')
  expect(refused.status).toBe(429)
  expect(refused.body.errors.form).toBe('errors.rateLimited')
  expect(Number(refused.headers.get('Retry-After'))).toBeGreaterThan(0)
})

test('limited per email address, whichever client asks, and alike for addresses with or without an account', async () => {
  for (let i = 0; i < 3; i++) expect((await post('Target@Example.com', `203.0.113.${i}`)).status).toBe(200)
  const refused = await post('target@example.com', '203.0.113.50')
  expect(refused.status).toBe(429)
  expect(refused.body.values).toEqual({ email: 'target@example.com' })
  // Another address from a fresh client is unaffected.
  expect((await post('someone-else@example.com', '203.0.113.51')).status).toBe(200)
})
