// `npm run db:migrate`: apply committed migrations to DATABASE_URL (the server also does this at start-up).
import Database from 'better-sqlite3'
import { mkdirSync } from 'node:fs'
import { dirname } from 'node:path'
import { applyMigrations } from '../app/db/migrate.server'
import { env } from '../app/env.server'

mkdirSync(dirname(env.DATABASE_URL), { recursive: true })
const sqlite = new Database(env.DATABASE_URL)
sqlite.pragma('busy_timeout = 5000')
const applied = applyMigrations(sqlite)
console.log(`${env.DATABASE_URL}: ${applied} migration(s) applied`)
sqlite.close()
