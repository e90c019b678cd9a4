// The floor's Inngest endpoint: one function of one step, served by `inngest/remix` from a resource route
// as Courrier serves its own, whose step does exactly what the bench's bare loop does (bench/welcome-send.ts:
// render() the welcome email, POST it to the Resend double). Against the bare loop it measures what the SDK's
// call protocol and the framework cost a step; against it, Courrier's welcome step measures the rest of its
// work (the recipient read, the idempotent send, the outgoing row). Dev mode, like the app in the bench.
import { eventType, Inngest } from 'inngest'
import { serve } from 'inngest/remix'
import { welcomeSender } from '../../../welcome-send'

const inngest = new Inngest({ id: 'floor', isDev: true, baseUrl: process.env.INNGEST_BASE_URL ?? 'http://127.0.0.1:9' })
const send = welcomeSender(process.env.RESEND_BASE_URL ?? 'http://127.0.0.1:9')

const welcome = inngest.createFunction({ id: 'welcome', triggers: [eventType('user/registered')] }, async ({ step }) => {
  const welcomeEmail = await step.run('send-welcome-email', async () => ({ sent: true, transport: 'resend', messageId: await send() }))
  // A second step, as in Courrier's journey, so the first one's answer is the same 206 "step ran".
  await step.sleep('wait', '1d')
  return welcomeEmail
})

const handler = serve({ client: inngest, functions: [welcome] })
export const loader = ({ request }: { request: Request }) => handler({ request })
export const action = ({ request }: { request: Request }) => handler({ request })
