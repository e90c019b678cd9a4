// Imported first by the timing scripts: React's production build (chosen from NODE_ENV when React is
// first loaded) and the configuration a production server checks for, with throwaway values made now.
import { randomBytes } from 'node:crypto'
import { mkdirSync } from 'node:fs'

mkdirSync('.tmp', { recursive: true })
process.env.NODE_ENV = 'production'
process.env.INNGEST_DEV ??= '1'
// Production refuses INNGEST_DEV unless the server would listen only on a loopback address.
process.env.HOST ??= '127.0.0.1'
process.env.OUTBOX_RELAY ??= '0'
process.env.DATABASE_URL ??= `.tmp/timing-${process.pid}.db`
process.env.SESSION_SECRET ??= randomBytes(32).toString('hex')
process.env.STRIPE_WEBHOOK_SECRET ??= `whsec_${randomBytes(16).toString('hex')}`
