// `npm run db:seed`: creates or updates the admin named by ADMIN_EMAIL / ADMIN_PASSWORD (migrating first).
// In production it refuses a weak or example password, so the .env.example value never guards a real studio.
import { adminPasswordProblem, seedAdmin } from '../app/auth/seed-admin.server'
import { db } from '../app/db/client.server'
import { env, isProduction } from '../app/env.server'

const email = env.ADMIN_EMAIL
if (!email) {
  console.error('db:seed: ADMIN_EMAIL is not set (see .env.example)')
  process.exit(1)
}
const problem = adminPasswordProblem(env.ADMIN_PASSWORD, { production: isProduction, email })
if (problem) {
  console.error(`db:seed: ${problem}`)
  process.exit(1)
}
const result = await seedAdmin(db, { email, password: env.ADMIN_PASSWORD!, language: env.DEFAULT_LOCALE })
console.log(`db:seed: admin ${email} ${result.action} in ${env.DATABASE_URL}`)
db.$client.close()
