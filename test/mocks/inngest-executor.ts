// A TEST DOUBLE of Inngest's executor, for tests only (the Inngest dev server cannot be installed here).
// It drives a served function the way Inngest does, over the SDK's documented HTTP call protocol:
// POST <serve URL>?fnId=<app-fn>&stepId=step with the event, the memoized step results and the stack;
// the SDK answers 206 with the step it ran (or found), which is memoized and sent back on the next call,
// and 200 with the function's return value. Sleeps are skipped (resumed at once); a step that errors is
// retried with the next attempt number; a run that fails for good gets its `-failure` handler called
// with `inngest/function.failed`, as Inngest does. A `step.waitForEvent` is resumed with the event the
// test says arrived (`onWaitForEvent`), or with null, as Inngest resumes a wait that timed out.
// Not modelled: parallel steps, invoke.
import { randomUUID } from 'node:crypto'

export type InngestEvent = { id?: string; name: string; data: Record<string, unknown>; ts?: number }
type Op = { op: string; id: string; name?: string; displayName?: string; data?: unknown; error?: unknown; opts?: Record<string, unknown> }
/** What a run waits for (`op.name` is the event's name; `opts.timeout` and `opts.if` as the SDK sends them). */
export type Wait = { step: string; event: string; timeout?: string; if?: string }
export type StepLog = { op: string; step: string; attempt: number; detail?: string }
export type RunResult =
  | { status: 'completed'; output: unknown; log: StepLog[] }
  | { status: 'failed'; error: unknown; log: StepLog[]; failureHandler: unknown }

export type ExecutorOptions = {
  /** The app's serve URL, e.g. http://localhost:4417/api/inngest. */
  endpoint: string
  /** Requests per step (and per run) before giving up, as `retries + 1` would. */
  maxAttempts?: number
  /** Drop the answer of each step once and ask again, as Inngest does when a step's response times out. */
  loseFirstResponseOfEachStep?: boolean
  fetch?: (url: string, init: RequestInit) => Promise<Response>
  /** Called when the run reaches a sleep, before the executor resumes it: what is true "while asleep". */
  onSleep?: (step: string, duration: string | undefined) => Promise<void> | void
  /**
   * Called when the run reaches a `step.waitForEvent`: the event that arrived in time (Inngest matches it
   * on `opts.if`; the test decides), or null for a wait that timed out. Default: every wait times out.
   */
  onWaitForEvent?: (wait: Wait) => Promise<InngestEvent | null> | InngestEvent | null
}

export async function runFunction(fnId: string, event: InngestEvent, options: ExecutorOptions): Promise<RunResult> {
  const { endpoint, maxAttempts = 4, loseFirstResponseOfEachStep = false, fetch: call = fetch } = options
  const runId = `run-${randomUUID()}`
  const full = { ts: Date.now(), ...event, id: event.id ?? randomUUID() }
  const steps: Record<string, unknown> = {}
  const stack: string[] = []
  const lost = new Set<string>()
  const log: StepLog[] = []
  let attempt = 0

  for (let request = 0; request < 200; request++) {
    const body = {
      event: full,
      events: [full],
      steps,
      ctx: { run_id: runId, attempt, disable_immediate_execution: false, use_api: false, stack: { stack, current: stack.length } },
      version: 2,
    }
    const url = `${endpoint}?fnId=${encodeURIComponent(fnId)}&stepId=step`
    const response = await call(url, { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify(body) })
    const payload: unknown = await response.json()

    if (response.status === 200) return { status: 'completed', output: payload, log }
    if (response.status !== 206) {
      // The function threw: retried unless the SDK says not to, or attempts are spent.
      if (response.headers.get('x-inngest-no-retry') !== 'true' && ++attempt < maxAttempts) continue
      return { status: 'failed', error: payload, log, failureHandler: await callFailureHandler(fnId, full, runId, payload, options) }
    }

    const ops = (Array.isArray(payload) ? payload : [payload]) as Op[]
    for (const op of ops) {
      const step = op.displayName ?? op.name ?? op.id
      if (op.op === 'RunComplete') return { status: 'completed', output: op.data, log }
      if (op.op === 'StepRun' || op.op === 'Sleep') {
        if (op.op === 'StepRun' && loseFirstResponseOfEachStep && !lost.has(op.id)) {
          lost.add(op.id)
          log.push({ op: 'ResponseLost', step, attempt })
          continue
        }
        log.push({ op: op.op, step, attempt, ...(op.op === 'Sleep' ? { detail: op.name } : {}) })
        if (op.op === 'Sleep') await options.onSleep?.(step, op.name)
        // A sleep is memoized with no data: that is how Inngest resumes a run whose sleep is over.
        steps[op.id] = { type: 'data', data: op.op === 'Sleep' ? null : (op.data ?? null) }
        stack.push(op.id)
        attempt = 0
      } else if (op.op === 'WaitForEvent') {
        const wait: Wait = { step, event: op.name ?? '', timeout: op.opts?.timeout as string | undefined, if: op.opts?.if as string | undefined }
        const arrived = (await options.onWaitForEvent?.(wait)) ?? null
        log.push({ op: op.op, step, attempt, detail: `${wait.event} ${wait.timeout ?? ''} ${arrived ? 'arrived' : 'timed out'}`.replace('  ', ' ') })
        // Inngest resumes a wait with the matching event, or with null when its timeout passed.
        steps[op.id] = { type: 'data', data: arrived ? { ts: Date.now(), ...arrived, id: arrived.id ?? randomUUID() } : null }
        stack.push(op.id)
        attempt = 0
      } else if (op.op === 'StepError') {
        // Inngest waits this long before the retry (RetryAfterError); the double retries at once.
        const retryAfter = response.headers.get('retry-after')
        log.push({ op: op.op, step, attempt, ...(retryAfter ? { detail: `retry-after ${retryAfter}` } : {}) })
        if (++attempt >= maxAttempts) {
          steps[op.id] = { type: 'error', error: op.error }
          stack.push(op.id)
          attempt = 0
        }
      } else if (op.op === 'StepFailed') {
        log.push({ op: op.op, step, attempt })
        steps[op.id] = { type: 'error', error: op.error }
        stack.push(op.id)
        attempt = 0
      } else {
        throw new Error(`inngest-executor test double: "${op.op}" is not modelled`)
      }
    }
  }
  throw new Error('inngest-executor test double: the run did not finish in 200 requests')
}

async function callFailureHandler(fnId: string, event: InngestEvent, runId: string, error: unknown, options: ExecutorOptions) {
  const failed = {
    id: randomUUID(),
    name: 'inngest/function.failed',
    data: { function_id: fnId, run_id: runId, error, event },
    ts: Date.now(),
  }
  const result = await runFunction(`${fnId}-failure`, failed, { ...options, loseFirstResponseOfEachStep: false })
  return result.status === 'completed' ? result.output : result
}
