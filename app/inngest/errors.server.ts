/**
 * Inngest's two errors that steer retries, for code that runs before (or without) Inngest's SDK: sending
 * an email, which the studio's test send and the functions share, and classifying Resend's errors. The SDK
 * reads them by name as well as by class (`error.name === 'NonRetriableError'`, `'RetryAfterError'`, in
 * its execution engine's `retriability()`, for errors thrown by another copy of the SDK), so these steer a
 * run exactly as its own do, and importing them does not load the SDK at the server's start
 * (docs/decisions/0085-inngest-loads-on-first-use.md).
 */

/** The step fails for good: retrying cannot help (a bad address, data that does not match its event). */
export class NonRetriableError extends Error {
  override readonly cause?: unknown

  constructor(message: string, options?: { cause?: unknown }) {
    super(message)
    this.name = 'NonRetriableError'
    this.cause = options?.cause
  }
}

/** The step is retried after `retryAfter` (milliseconds, or a date), not on Inngest's own backoff. */
export class RetryAfterError extends Error {
  override readonly cause?: unknown
  /** Seconds (as the SDK gives them: a string), or an ISO date. */
  readonly retryAfter: string

  constructor(message: string, retryAfter: number | Date, options?: { cause?: unknown }) {
    super(message)
    this.name = 'RetryAfterError'
    if (retryAfter instanceof Date) this.retryAfter = retryAfter.toISOString()
    else {
      if (!Number.isFinite(retryAfter)) throw new Error('retryAfter must be a number of milliseconds or a Date')
      this.retryAfter = String(Math.ceil(retryAfter / 1000))
    }
    this.cause = options?.cause
  }
}
