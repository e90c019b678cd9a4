// `npm run studio:account`: a studio account on this machine, in one command, in development only.
// It creates (or resets) the admin studio@courrier.localhost with a fresh random password and prints
// both, with the sign-in link. Production refuses: there, `npm run db:seed` seeds the admin from
// ADMIN_EMAIL / ADMIN_PASSWORD, with a strong password.
import { randomBytes } from 'node:crypto'

// Before anything reads the environment (production's would refuse to load without its secrets anyway).
if (process.env.NODE_ENV === 'production') {
  console.error('studio:account is for development only; in production, set ADMIN_EMAIL and ADMIN_PASSWORD and run npm run db:seed')
  process.exit(1)
}
const { seedAdmin } = await import('../app/auth/seed-admin.server')
const { db } = await import('../app/db/client.server')
const { env } = await import('../app/env.server')
const email = process.argv[2] ?? 'studio@courrier.localhost'
const password = randomBytes(12).toString('base64url')
const result = await seedAdmin(db, { email, password, language: env.DEFAULT_LOCALE })
db.$client.close()
const login = new URL(`/login?redirectTo=${encodeURIComponent('/admin')}`, env.APP_URL).href
console.log(
  [`Studio account ${result.action === 'created' ? 'created' : 'ready (password reset)'}:`, `  email     ${email}`, `  password  ${password}`, `  sign in   ${login}`].join('\n'),
)
