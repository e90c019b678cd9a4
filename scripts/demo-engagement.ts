// Fills the local database with 90 days of realistic Resend webhook events for the studio's analytics
// (/admin/analytics), through the same code real deliveries go through:
//   npm run demo:engagement            (or -- --days 30)
import { parseArgs } from 'node:util'
import { seedEngagementDemo } from '../app/engagement/demo.server'
import { env } from '../app/env.server'

const { values } = parseArgs({ options: { days: { type: 'string', default: '90' } } })
const days = Number(values.days)
if (!Number.isInteger(days) || days < 1 || days > 365) {
  console.error('--days takes a whole number from 1 to 365')
  process.exit(2)
}
if (env.NODE_ENV === 'production') {
  console.error('Demo data goes into development databases only (NODE_ENV is production).')
  process.exit(2)
}
const started = Date.now()
const { emails, events } = seedEngagementDemo({
  days,
  onProgress: (done, total) => {
    if (done % 10 === 0 || done === total) process.stdout.write(`\r  day ${done}/${total} (${Math.round(((Date.now() - started) / 1000) * 10) / 10} s)`)
  },
})
console.log(`\nDemo engagement written to ${env.DATABASE_URL}: ${emails} emails, ${events} webhook events over ${days} days, in ${((Date.now() - started) / 1000).toFixed(1)} s.`)
console.log('Open /admin/analytics in the studio to see them.')
