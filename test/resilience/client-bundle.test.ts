// What the browser downloads: no server code, no email strings, no configuration.
import { readdirSync, readFileSync } from 'node:fs'
import { join } from 'node:path'
import { expect, test } from 'vitest'

const root = join(process.env.BUILD_DIR ?? 'build', 'client')
const files = readdirSync(root, { recursive: true, encoding: 'utf8' }).filter((f) => /\.(js|css|html)$/.test(f))
const bundle = files.map((f) => readFileSync(join(root, f), 'utf8')).join('\n')
const emailStrings = JSON.parse(readFileSync('locales/es/emails.json', 'utf8')) as Record<string, Record<string, unknown>>

test('the client build exists', () => {
  expect(files.length).toBeGreaterThan(0)
})

test.each([
  'SESSION_SECRET',
  'STRIPE_WEBHOOK_SECRET',
  'STRIPE_SECRET_KEY',
  'INNGEST_SIGNING_KEY',
  'INNGEST_EVENT_KEY',
  'RESEND_API_KEY',
  'RESEND_WEBHOOK_SECRET',
  'ADMIN_PASSWORD',
  'better-sqlite3',
  'scrypt',
])('carries no trace of %s', (needle) => {
  expect(bundle.includes(needle)).toBe(false)
})

test('carries no email copy (emails.json is server-only)', () => {
  const sentences = Object.values(emailStrings)
    .flatMap((section) => Object.values(section))
    .filter((v): v is string => typeof v === 'string' && v.length > 40 && !v.includes('{{'))
  expect(sentences.length).toBeGreaterThan(5)
  expect(sentences.filter((s) => bundle.includes(s))).toEqual([])
})
