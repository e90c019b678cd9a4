import type { SendOutcome, SendResult } from '~/email/send.server'

/** The outcome of a send a test expects to go out: its result, or a failure naming the skip. */
export function sent(outcome: SendOutcome): SendResult {
  if ('skipped' in outcome) throw new Error(`expected the email to be sent, it was skipped: ${outcome.skipped}`)
  return outcome
}
