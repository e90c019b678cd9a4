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

  test.each([
    ['INNGEST_DEV on every address', { INNGEST_DEV: '1' }, /INNGEST_DEV: must not be set in production unless HOST is a loopback address/],
    ['INNGEST_DEV on a public address', { INNGEST_DEV: '1', HOST: '192.0.2.10' }, /INNGEST_DEV: .*loopback/],
    ['an http APP_URL on a public name', { APP_URL: 'http://mail.example.com' }, /APP_URL: must be https in production/],
    ['TRUST_PROXY=true', { TRUST_PROXY: 'true' }, /TRUST_PROXY: must be the number of proxies .*hop count/],
    ['a TRUST_PROXY that is not an address', { TRUST_PROXY: '10.0.0.1, proxy.example' }, /TRUST_PROXY: is neither .*proxy\.example/],
    ['a CIDR prefix out of range', { TRUST_PROXY: '10.0.0.0/33' }, /TRUST_PROXY: /],
  ])('production refuses %s, and says why', (_name, extra, message) => {
    expect(() => parseEnv({ ...prodSecrets, ...extra })).toThrow(message)
  })

  test.each([
    ['INNGEST_DEV on 127.0.0.1 with an http://localhost APP_URL', { INNGEST_DEV: '1', HOST: '127.0.0.1', APP_URL: 'http://localhost:4317' }],
    ['INNGEST_DEV on ::1', { INNGEST_DEV: '1', HOST: '::1' }],
    ['an https APP_URL', { APP_URL: 'https://mail.example.com' }],
    ['http on 127.0.0.1', { APP_URL: 'http://127.0.0.1:3000' }],
  ])('production accepts %s', (_name, extra) => {
    expect(parseEnv({ ...prodSecrets, ...extra }).NODE_ENV).toBe('production')
  })

  test.each([
    ['', false],
    ['0', false],
    ['1', 1],
    ['2', 2],
    ['loopback, 10.0.0.0/8, fd00::1', ['loopback', '10.0.0.0/8', 'fd00::1']],
  ])('TRUST_PROXY=%j is %j', (value, expected) => {
    expect(parseEnv({ TRUST_PROXY: value }).TRUST_PROXY).toEqual(expected)
  })
})
