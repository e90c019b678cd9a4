import type Database from 'better-sqlite3'
import { readMigrationFiles } from 'drizzle-orm/migrator'
import { resolve } from 'node:path'

export const MIGRATIONS_FOLDER = resolve(process.env.MIGRATIONS_FOLDER ?? 'drizzle')

/**
 * Applies drizzle-kit's migrations, in drizzle's own bookkeeping table, under `BEGIN IMMEDIATE`.
 * drizzle's migrator reads the last applied migration before it takes the write lock, so two
 * processes starting on one database file can both decide to run the same migration; here the
 * check and the DDL happen under one write lock, so the second process waits and finds nothing to do.
 */
export function applyMigrations(sqlite: Database.Database, folder = MIGRATIONS_FOLDER): number {
  const migrations = readMigrationFiles({ migrationsFolder: folder })
  sqlite.exec('BEGIN IMMEDIATE')
  try {
    sqlite.exec(
      'CREATE TABLE IF NOT EXISTS "__drizzle_migrations" (id SERIAL PRIMARY KEY, hash text NOT NULL, created_at numeric)',
    )
    const last = sqlite.prepare('SELECT created_at FROM "__drizzle_migrations" ORDER BY created_at DESC LIMIT 1').get() as
      | { created_at: number }
      | undefined
    const insert = sqlite.prepare('INSERT INTO "__drizzle_migrations" ("hash", "created_at") VALUES (?, ?)')
    let applied = 0
    for (const migration of migrations) {
      if (last && Number(last.created_at) >= migration.folderMillis) continue
      for (const statement of migration.sql) if (statement.trim()) sqlite.exec(statement)
      insert.run(migration.hash, migration.folderMillis)
      applied++
    }
    sqlite.exec('COMMIT')
    return applied
  } catch (error) {
    sqlite.exec('ROLLBACK')
    throw error
  }
}
