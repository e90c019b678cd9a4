import { env } from '~/env.server'

/** What the production server (server.mjs) takes from the validated environment. */
export const serverSettings = {
  host: env.HOST,
  // A hop count or the proxies' addresses (never `true`): Express then reads X-Forwarded-For from the right.
  trustProxy: env.TRUST_PROXY,
  // HSTS follows APP_URL (https in production unless on loopback), not X-Forwarded-Proto, so behind a
  // proxy it does not depend on trusting forwarded headers; browsers ignore it on plain http.
  hsts: new URL(env.APP_URL).protocol === 'https:',
}
