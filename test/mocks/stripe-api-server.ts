// The Stripe double as its own process, for Playwright's web servers: PORT, and the app's webhook
// endpoint and signing secret (WEBHOOK_URL, WEBHOOK_SECRET), to which its hosted Checkout and portal
// pages send the events Stripe would send.
import { startStripeApiDouble } from './stripe-api'

const { PORT, WEBHOOK_URL, WEBHOOK_SECRET } = process.env
if (!PORT || !WEBHOOK_URL || !WEBHOOK_SECRET) throw new Error('PORT, WEBHOOK_URL and WEBHOOK_SECRET are required')
const double = await startStripeApiDouble({ port: Number(PORT), webhook: { url: WEBHOOK_URL, secret: WEBHOOK_SECRET } })
console.log(`Stripe double listening on ${double.url}`)
