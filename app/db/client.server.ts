import Database from 'better-sqlite3'
import { drizzle, type BetterSQLite3Database } from 'drizzle-orm/better-sqlite3'
import { mkdirSync } from 'node:fs'
import { dirname } from 'node:path'
import { env } from '~/env.server'
import { applyMigrations } from './migrate.server'
import * as schema from './schema'

export type DB = BetterSQLite3Database<typeof schema> & { $client: Database.Database }

export function openDatabase(file: string): DB {
  if (file !== ':memory:') mkdirSync(dirname(file), { recursive: true })
  const sqlite = new Database(file)
  sqlite.pragma('journal_mode = WAL')
  sqlite.pragma('busy_timeout = 5000')
  sqlite.pragma('foreign_keys = ON')
  sqlite.pragma('synchronous = NORMAL')
  applyMigrations(sqlite)
  return drizzle(sqlite, { schema })
}

// One connection per process, kept across dev-server reloads.
const globalForDb = globalThis as unknown as { __courrierDb?: DB }
export const db: DB = (globalForDb.__courrierDb ??= openDatabase(env.DATABASE_URL))
