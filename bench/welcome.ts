// The welcome email's step through /api/inngest (Inngest's call protocol: render, plain text, hand to the
// Resend double), against a bare loop of React Email's render() and the same HTTP send to the same double.
import Database from 'better-sqlite3'
import { randomUUID } from 'node:crypto'
import { load } from './lib'
import { welcomeSender } from './welcome-send'

/** The id of the user the welcome emails are for (the seeded admin: the step reads them fresh). */
export function userIdOf(dbFile: string, email: string): string {
  const db = new Database(dbFile, { readonly: true })
  try {
    const row = db.prepare('SELECT id FROM users WHERE email = ?').get(email) as { id: string } | undefined
    if (!row) throw new Error(`no user ${email} in ${dbFile}`)
    return row.id
  } finally {
    db.close()
  }
}

/** One call of the welcome journey's first step, as Inngest's executor makes it: a new event (and run) each time. */
export function welcomeStepCall(userId: string) {
  const id = `bench-${randomUUID()}`
  const event = { id, name: 'user/registered', data: { userId }, ts: Date.now() }
  return JSON.stringify({
    event,
    events: [event],
    steps: {},
    ctx: { run_id: `run-${id}`, attempt: 0, disable_immediate_execution: false, use_api: false, stack: { stack: [], current: 0 } },
    version: 2,
  })
}

export const welcomeStepUrl = (appUrl: string, fnId = 'courrier-welcome-journey') => `${appUrl}/api/inngest?fnId=${fnId}&stepId=step`

/**
 * Welcome-step executions per second over `seconds`, 10 at a time: Courrier's welcome journey, or (with
 * `fnId`) the framework floor's function of one step that does the bare loop's send.
 */
export async function welcomeSteps(appUrl: string, userId: string, seconds: number, { warmupSeconds = 1, fnId = 'courrier-welcome-journey' } = {}) {
  const first = await fetch(welcomeStepUrl(appUrl, fnId), { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: welcomeStepCall(userId) })
  const answer = JSON.stringify(await first.json())
  if (first.status !== 206 || !answer.includes('"transport":"resend"'))
    throw new Error(`the welcome step (${fnId}) did not hand its email to Resend: ${first.status} ${answer.slice(0, 300)}`)
  return load({
    url: welcomeStepUrl(appUrl, fnId),
    method: 'POST',
    duration: seconds,
    warmupSeconds,
    requests: [{ method: 'POST', setupRequest: (req: any) => ({ ...req, body: welcomeStepCall(userId), headers: { ...req.headers, 'content-type': 'application/json' } }) }],
  })
}

/** The bare loop: render() the welcome email (fr) and POST it to the Resend double, 10 at a time, for `seconds`. */
export async function bareWelcomeSends(resendUrl: string, seconds: number) {
  const sendOne = welcomeSender(resendUrl)
  for (let i = 0; i < 20; i++) await sendOne()
  let done = 0
  const until = performance.now() + seconds * 1000
  const worker = async () => {
    while (performance.now() < until) {
      await sendOne()
      done++
    }
  }
  const started = performance.now()
  await Promise.all(Array.from({ length: 10 }, worker))
  return Math.round((done / (performance.now() - started)) * 1000)
}
