// Runs before each test file is imported: every test file gets its own SQLite file and quiet defaults.
import { mkdirSync } from 'node:fs'
import { randomUUID } from 'node:crypto'

mkdirSync('.tmp/test-db', { recursive: true })
process.env.DATABASE_URL ??= `.tmp/test-db/${process.env.VITEST_POOL_ID ?? '0'}-${randomUUID()}.db`
process.env.OUTBOX_RELAY ??= '0'
process.env.RATE_LIMIT_PER_MINUTE ??= '1000'
process.env.APP_URL ??= 'http://localhost:5173'
process.env.INNGEST_DEV ??= '1'
// Nothing in a test reaches a real vendor: unset keys a developer's shell may carry.
delete process.env.RESEND_API_KEY
