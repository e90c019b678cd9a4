// Resend's side of the end-to-end suite: the emails its double took, and signed webhook deliveries posted
// to the app the way Resend (through Svix) posts them.
import { sampleEmailEvent, signResendDelivery, type EmailEventType, type SampleOptions } from '../../app/engagement/sample-deliveries'
import { e2eEnv } from '../../playwright.config'
import { expect } from './fixtures'

export type ResendEmail = { id: string; to: string[]; subject: string; tags: Array<{ name: string; value: string }> }

/** The email the Resend double took for this address and template (waiting for it to arrive). */
export async function resendEmailFor(to: string, template: string): Promise<ResendEmail> {
  let found: ResendEmail | undefined
  await expect
    .poll(async () => {
      const emails = (await (await fetch(`${e2eEnv.resendURL}/_test/emails`)).json()) as ResendEmail[]
      found = emails.find((e) => e.to.includes(to) && e.tags.some((t) => t.name === 'template' && t.value === template))
      return found
    })
    .toBeTruthy()
  return found!
}

/** Posts a signed delivery of one event about the email, as Resend reports it (tags included). */
export async function postResendEvent(type: EmailEventType, email: ResendEmail, options: SampleOptions = {}) {
  const tags = Object.fromEntries(email.tags.map((t) => [t.name, t.value]))
  const payload = JSON.stringify(sampleEmailEvent(type, { emailId: email.id, to: email.to[0]!, subject: email.subject, tags }, options))
  const response = await fetch(`${e2eEnv.baseURL}/webhooks/resend`, { method: 'POST', headers: { 'Content-Type': 'application/json', ...signResendDelivery(payload, e2eEnv.resendWebhookSecret) }, body: payload })
  expect(response.status, `${type} delivery accepted`).toBe(200)
}
