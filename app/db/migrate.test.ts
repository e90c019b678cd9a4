import Database from 'better-sqlite3'
import { describe, expect, test } from 'vitest'
import { applyMigrations } from './migrate.server'
import { openDatabase } from './client.server'

describe('migrations', () => {
  test('apply once; a second run (or a second process) finds nothing to do', () => {
    const file = `.tmp/test-db/migrate-${crypto.randomUUID()}.db`
    const first = new Database(file)
    const second = new Database(file)
    second.pragma('busy_timeout = 5000')
    expect(applyMigrations(first)).toBeGreaterThan(0)
    expect(applyMigrations(second)).toBe(0)
    expect(applyMigrations(first)).toBe(0)
    const tables = first.prepare("SELECT name FROM sqlite_master WHERE type = 'table'").all().map((r) => (r as { name: string }).name)
    expect(tables).toEqual(expect.arrayContaining(['users', 'sessions', 'outbox_events', 'mailbox_messages', '__drizzle_migrations']))
  })

  test('connections run with WAL, a busy timeout and foreign keys on', () => {
    const db = openDatabase(`.tmp/test-db/pragmas-${crypto.randomUUID()}.db`)
    expect(db.$client.pragma('journal_mode', { simple: true })).toBe('wal')
    expect(db.$client.pragma('foreign_keys', { simple: true })).toBe(1)
    expect(db.$client.pragma('busy_timeout', { simple: true })).toBe(5000)
  })
})
