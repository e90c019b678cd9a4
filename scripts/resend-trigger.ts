// Posts a correctly signed Resend webhook delivery to the running app, the way Resend (through Svix)
// would, without a Resend account or network:
//   npm run resend:trigger -- email.delivered --email <mailbox message id>
// Signed with RESEND_WEBHOOK_SECRET (from .env, or the development default the app also uses).
import { parseArgs } from 'node:util'
import { messageAsResendSees } from '../app/engagement/analytics.server'
import { EMAIL_EVENT_TYPES, sampleEmailEvent, signResendDelivery, type EmailEventType } from '../app/engagement/sample-deliveries'
import { env } from '../app/env.server'

const usage = `Usage: npm run resend:trigger -- <event type> --email <mailbox message id> [options]

Event types: ${EMAIL_EVENT_TYPES.join(', ')}

Options:
  --email <id>           the message, as the studio's mailbox names it (/admin/mailbox/<id>)
  --link <url>           email.clicked: the link clicked (default: the app's dashboard)
  --bounce <type>        email.bounced: Permanent (default; suppresses the address), Transient or Undetermined
  --delivery-id <id>     the svix-id (default: a new one); reuse it to see a redelivery acknowledged with no effect
  --url <url>            the app (default: APP_URL, ${env.APP_URL})
`

function fail(message: string): never {
  console.error(`${message}\n\n${usage}`)
  process.exit(2)
}

let parsed
try {
  parsed = parseArgs({
    allowPositionals: true,
    options: {
      email: { type: 'string' },
      link: { type: 'string' },
      bounce: { type: 'string' },
      'delivery-id': { type: 'string' },
      url: { type: 'string' },
      help: { type: 'boolean', short: 'h' },
    },
  })
} catch (error) {
  fail(error instanceof Error ? error.message : String(error))
}
const { values, positionals } = parsed
if (values.help) {
  console.log(usage)
  process.exit(0)
}
const type = positionals[0] as EmailEventType | undefined
if (!type || !(EMAIL_EVENT_TYPES as readonly string[]).includes(type)) fail(type ? `Unknown event type: ${type}` : 'Which event? Give its type first.')
if (!values.email) fail('Which email? Give --email <mailbox message id> (the id in /admin/mailbox/<id>).')
const bounceType = values.bounce as 'Permanent' | 'Transient' | 'Undetermined' | undefined
if (bounceType && !['Permanent', 'Transient', 'Undetermined'].includes(bounceType)) fail('--bounce takes Permanent, Transient or Undetermined')
const secret = env.RESEND_WEBHOOK_SECRET
if (!secret) fail('RESEND_WEBHOOK_SECRET is not set (it is required in production; development has a default).')

const message = messageAsResendSees(values.email)
if (!message) fail(`No mailbox message ${values.email} in ${env.DATABASE_URL ?? 'the database'}.`)
const event = sampleEmailEvent(type, message, { link: values.link ?? new URL('/dashboard', env.APP_URL).href, bounceType })
const payload = JSON.stringify(event, null, 2)
const headers = signResendDelivery(payload, secret, { id: values['delivery-id'] })
const endpoint = new URL('/webhooks/resend', values.url ?? env.APP_URL)

let response: Response
try {
  response = await fetch(endpoint, { method: 'POST', headers: { 'Content-Type': 'application/json', ...headers }, body: payload })
} catch (error) {
  console.error(`Could not reach ${endpoint.href} (${error instanceof Error ? error.message : String(error)}). Is the app running (npm run dev)?`)
  process.exit(1)
}
console.log(`${type} for ${message.tags.template} (${message.tags.locale}) to ${message.to}, delivery ${headers['svix-id']}`)
console.log(`→ ${endpoint.href}: ${response.status} ${await response.text()}`)
process.exit(response.ok ? 0 : 1)
