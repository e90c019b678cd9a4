import type Database from 'better-sqlite3'
import { and, eq, inArray, sql } from 'drizzle-orm'
import { drizzle, type BetterSQLite3Database } from 'drizzle-orm/better-sqlite3'
import { hostname } from 'node:os'
import { randomUUID } from 'node:crypto'
import { outboxEvents } from '~/db/schema'

export type RelayedEvent = { id: string; name: string; data: Record<string, unknown>; ts?: number }
export type SendEvents = (events: RelayedEvent[]) => Promise<unknown>

export type RelayOptions = {
  sqlite: Database.Database
  send: SendEvents
  /** Rows claimed at a time; they go to the event API in as few requests as `maxRequestBytes` allows. */
  batchSize?: number
  /** Inngest takes up to 512 KB a request: a claimed batch is sent in requests of at most this many bytes of events. */
  maxRequestBytes?: number
  /** How long a claim holds before another relay may take the rows (a crashed process's claims lapse). */
  claimMs?: number
  baseBackoffMs?: number
  maxBackoffMs?: number
  /** After this many attempts an event is marked failed and shown to admins; nothing is dropped. */
  maxAttempts?: number
  pollMs?: number
  /** After a kick, how long the relay waits for more commits before it claims: a burst goes out in one request. */
  kickDelayMs?: number
  /**
   * While kicks keep coming (a steady stream of commits), passes start at least this far apart, so each
   * claims, sends and marks many rows at once: a pass costs about as much for one row as for fifteen.
   */
  minPassIntervalMs?: number
  log?: (message: string) => void
  /** Values (e.g. the event key, part of the event API's URL) never written to a log or a row. */
  secrets?: string[]
}

type Row = { id: string; name: string; data: string; ts: number | null; attempts: number }

/**
 * Delivers outbox rows to Inngest. Rows are claimed with one UPDATE … RETURNING, which SQLite runs
 * atomically, so two processes on one database file never send the same row; a row is marked sent
 * only after the event API accepted it. A crash between the two resends the row after its claim
 * lapses, with the same event id, which Inngest deduplicates.
 */
export class OutboxRelay {
  readonly relayId = `${hostname()}:${process.pid}:${randomUUID().slice(0, 8)}`
  private readonly o: Required<Omit<RelayOptions, 'log' | 'secrets'>> & Pick<RelayOptions, 'log' | 'secrets'>
  private running = false
  private wake: (() => void) | undefined
  /** A kick that came while the relay was draining: it drains again instead of waiting for the next poll. */
  private kicked = false
  private loop: Promise<void> | undefined
  /** When the last pass began (performance.now()). */
  private lastPassAt = -Infinity
  private readonly db: BetterSQLite3Database
  private readonly claim
  private readonly markRetry

  constructor(options: RelayOptions) {
    this.o = {
      batchSize: 1_000,
      maxRequestBytes: 256 * 1024,
      claimMs: 30_000,
      baseBackoffMs: 1_000,
      maxBackoffMs: 5 * 60_000,
      maxAttempts: 300,
      pollMs: 5_000,
      kickDelayMs: 10,
      minPassIntervalMs: 50,
      ...options,
    }
    const { sqlite } = this.o
    this.claim = sqlite.prepare<[string, number, number, number, number], Row>(
      `UPDATE outbox_events SET claimed_by = ?, claimed_until = ?
       WHERE id IN (SELECT id FROM outbox_events
                    WHERE status = 'pending' AND next_attempt_at <= ? AND (claimed_until IS NULL OR claimed_until < ?)
                    ORDER BY next_attempt_at LIMIT ?)
       RETURNING id, name, data, ts, attempts`,
    )
    this.db = drizzle(sqlite)
    this.markRetry = sqlite.prepare<[string, string, number, string, string]>(
      `UPDATE outbox_events SET attempts = attempts + 1, last_error = ?, status = ?, next_attempt_at = ?,
              claimed_by = NULL, claimed_until = NULL
       WHERE id = ? AND claimed_by = ?`,
    )
  }

  /** Sends one batch of due events. Returns how many were claimed, sent and left for a retry. */
  async deliverOnce(now = Date.now()): Promise<{ claimed: number; sent: number; retrying: number }> {
    const rows = this.claim.all(this.relayId, now + this.o.claimMs, now, now, this.o.batchSize)
    if (rows.length === 0) return { claimed: 0, sent: 0, retrying: 0 }
    let sent = 0
    for (const part of this.requests(rows)) {
      try {
        await this.o.send(part.map((row) => ({ id: row.id, name: row.name, data: JSON.parse(row.data) as Record<string, unknown>, ...(row.ts ? { ts: row.ts } : {}) })))
      } catch (error) {
        // This request and the ones not made yet are retried later; the requests accepted before stay sent.
        const unsent = rows.slice(sent)
        const message = this.redact(error instanceof Error ? error.message : String(error))
        this.o.sqlite.transaction(() => {
          for (const row of unsent) {
            const attempts = row.attempts + 1
            const status = attempts >= this.o.maxAttempts ? 'failed' : 'pending'
            this.markRetry.run(message.slice(0, 1000), status, Date.now() + this.backoff(attempts), row.id, this.relayId)
          }
        })()
        this.o.log?.(`outbox: ${unsent.length} event(s) not delivered, will retry: ${message}`)
        return { claimed: rows.length, sent, retrying: unsent.length }
      }
      // One statement per request accepted, whatever its size (drizzle's builders, so any SQL database takes it).
      this.db
        .update(outboxEvents)
        .set({ status: 'sent', sentAt: new Date(), attempts: sql`${outboxEvents.attempts} + 1`, lastError: null, claimedBy: null, claimedUntil: null })
        .where(
          and(
            inArray(
              outboxEvents.id,
              part.map((row) => row.id),
            ),
            eq(outboxEvents.claimedBy, this.relayId),
          ),
        )
        .run()
      sent += part.length
    }
    return { claimed: rows.length, sent, retrying: 0 }
  }

  /** The claimed rows cut, in order, into requests of at most `maxRequestBytes` of JSON (a larger event goes alone). */
  private requests(rows: Row[]): Row[][] {
    const parts: Row[][] = []
    let part: Row[] = []
    let bytes = 0
    for (const row of rows) {
      // The event's JSON: its data as stored, its id and name, and the envelope's keys and ts.
      const size = Buffer.byteLength(row.data) + Buffer.byteLength(row.id) + Buffer.byteLength(row.name) + 64
      if (part.length && bytes + size > this.o.maxRequestBytes) {
        parts.push(part)
        part = []
        bytes = 0
      }
      part.push(row)
      bytes += size
    }
    if (part.length) parts.push(part)
    return parts
  }

  /** Delivers until nothing is due; returns the number of events sent. */
  async drain(): Promise<number> {
    let total = 0
    for (;;) {
      const { claimed, sent } = await this.deliverOnce()
      total += sent
      if (claimed < this.o.batchSize || sent === 0) return total
    }
  }

  private redact(message: string) {
    let safe = message
    for (const secret of this.o.secrets ?? []) if (secret) safe = safe.split(secret).join('[redacted]')
    return safe
  }

  private backoff(attempts: number) {
    const exp = Math.min(this.o.maxBackoffMs, this.o.baseBackoffMs * 2 ** Math.min(attempts - 1, 20))
    return Math.round(exp / 2 + Math.random() * (exp / 2))
  }

  /** Runs in the background until stop(): delivers what is due, then waits for a kick or the next poll. */
  start() {
    if (this.running) return
    this.running = true
    this.loop = (async () => {
      while (this.running) {
        try {
          this.lastPassAt = performance.now()
          await this.drain()
        } catch (error) {
          this.o.log?.(`outbox: relay error: ${this.redact(error instanceof Error ? error.message : String(error))}`)
        }
        if (!this.running) break
        if (!this.kicked) {
          await new Promise<void>((resolve) => {
            const timer = setTimeout(resolve, this.o.pollMs)
            timer.unref()
            this.wake = () => {
              clearTimeout(timer)
              resolve()
            }
          })
          this.wake = undefined
        }
        // Woken by a commit (or kicked while draining): the deliveries of a burst are claimed together. A
        // lone commit waits kickDelayMs; a stream of them, until minPassIntervalMs after the last pass began.
        if (this.kicked && this.running) {
          const wait = Math.max(this.o.kickDelayMs, this.lastPassAt + this.o.minPassIntervalMs - performance.now())
          if (wait > 0) await new Promise((resolve) => setTimeout(resolve, wait).unref())
        }
        this.kicked = false
      }
    })()
  }

  /** Asks the relay to look for due events now, e.g. right after a transaction enqueued one. */
  kick() {
    this.kicked = true
    this.wake?.()
  }

  async stop() {
    this.running = false
    this.wake?.()
    await this.loop
  }
}
