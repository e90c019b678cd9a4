import { describe, expect, test } from 'vitest'
import { parseEnv } from './env.server'

const prodSecrets = {
  NODE_ENV: 'production',
  SESSION_SECRET: 'a'.repeat(64),
  INNGEST_SIGNING_KEY: 'signkey-prod-123',
  INNGEST_EVENT_KEY: 'event-key-123',
  STRIPE_WEBHOOK_SECRET: 'whsec_123',
}

describe('environment', () => {
  test('development runs on embedded defaults', () => {
    const env = parseEnv({})
    expect(env).toMatchObject({ NODE_ENV: 'development', DATABASE_URL: './data/courrier.db', DEFAULT_LOCALE: 'en', INNGEST_DEV: false })
    // Secrets fall back to dev-only values, which production refuses (below).
    expect(env).toMatchObject({ SESSION_SECRET: 'dev-only-session-secret-change-me', STRIPE_WEBHOOK_SECRET: 'whsec_dev_only_replace_me' })
  })

  test.each(['SESSION_SECRET', 'INNGEST_SIGNING_KEY', 'INNGEST_EVENT_KEY', 'STRIPE_WEBHOOK_SECRET'])(
    'production without %s stops with a message naming it',
    (name) => {
      const source: Record<string, string> = { ...prodSecrets }
      delete source[name]
      expect(() => parseEnv(source)).toThrow(new RegExp(`${name}: is required in production`))
    },
  )

  test('production refuses the example session secret and short ones', () => {
    expect(() => parseEnv({ ...prodSecrets, SESSION_SECRET: 'dev-only-session-secret-change-me' })).toThrow(/SESSION_SECRET/)
    expect(() => parseEnv({ ...prodSecrets, SESSION_SECRET: 'short' })).toThrow(/SESSION_SECRET/)
  })

  test('production with every secret starts; an empty KEY= counts as unset', () => {
    expect(parseEnv(prodSecrets).NODE_ENV).toBe('production')
    expect(() => parseEnv({ ...prodSecrets, INNGEST_EVENT_KEY: '' })).toThrow(/INNGEST_EVENT_KEY/)
  })

  test('bad values are named', () => {
    expect(() => parseEnv({ DEFAULT_LOCALE: 'de' })).toThrow(/DEFAULT_LOCALE/)
    expect(() => parseEnv({ RATE_LIMIT_PER_MINUTE: 'lots' })).toThrow(/RATE_LIMIT_PER_MINUTE/)
    expect(() => parseEnv({ APP_URL: 'not a url' })).toThrow(/APP_URL/)
  })
})
