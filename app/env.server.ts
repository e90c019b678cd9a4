import { existsSync } from 'node:fs'
import { isIP } from 'node:net'
import { z } from 'zod'
import { DEV_COMPANY } from '~/email/categories'
import { LocaleSchema } from '~/i18n/locales'


// Values that are fine on a laptop and must never reach production.
const DEV_SESSION_SECRET = 'dev-only-session-secret-change-me'
// Shared by `npm run dev` and `npm run stripe:trigger`, so signed test events work on a fresh clone.
const DEV_STRIPE_WEBHOOK_SECRET = 'whsec_dev_only_replace_me'
// Shared by `npm run dev` and `npm run resend:trigger`: a Svix-style secret (whsec_ + base64 key).
export const DEV_RESEND_WEBHOOK_SECRET = `whsec_${Buffer.from('courrier-dev-only-resend-webhook-key').toString('base64')}`

const bool = z.stringbool({ truthy: ['1', 'true', 'yes'], falsy: ['0', 'false', 'no', ''] })

/** localhost, 127.0.0.0/8 or ::1: reachable only from this machine. */
export function isLoopback(host: string) {
  const bare = host.replace(/^\[(.*)\]$/, '$1').toLowerCase()
  return bare === 'localhost' || bare === '::1' || (isIP(bare) === 4 && bare.startsWith('127.'))
}

// Express's `trust proxy` names for address ranges, beside plain addresses and CIDR ranges.
const PROXY_RANGES = new Set(['loopback', 'linklocal', 'uniquelocal'])
function isProxyAddress(entry: string) {
  const [address, prefix, extra] = entry.split('/')
  if (extra !== undefined || !address) return false
  if (prefix === undefined) return PROXY_RANGES.has(address) || isIP(address) !== 0
  const family = isIP(address)
  return family !== 0 && /^\d{1,3}$/.test(prefix) && Number(prefix) <= (family === 4 ? 32 : 128)
}

/**
 * TRUST_PROXY: how many proxies stand in front of the app (1: one load balancer), or their addresses.
 * Express then takes the client's address from the X-Forwarded-For entry that the nearest trusted proxy
 * wrote, never from the left-most one, which the client chose. `true` (trust every hop) is refused.
 */
const TrustProxySchema = z
  .string()
  .default('0')
  .transform((value, ctx): false | number | string[] => {
    const trimmed = value.trim().toLowerCase()
    if (['', '0', 'false', 'no'].includes(trimmed)) return false
    if (/^\d+$/.test(trimmed)) return Number(trimmed)
    if (['true', 'yes'].includes(trimmed)) {
      ctx.addIssue({ code: 'custom', message: 'must be the number of proxies in front of the app (a hop count, e.g. 1) or their addresses: `true` would take the client address from whatever X-Forwarded-For a client writes' })
      return z.NEVER
    }
    const entries = trimmed.split(',').map((entry) => entry.trim())
    const bad = entries.filter((entry) => !isProxyAddress(entry))
    if (bad.length) {
      ctx.addIssue({ code: 'custom', message: `is neither a hop count nor proxy addresses (IP, CIDR, loopback, linklocal, uniquelocal): ${bad.join(', ')}` })
      return z.NEVER
    }
    return entries
  })

/** An Inngest duration (`30s`, `15m`, `24h`, `3d`, `1w`, or combined: `1d12h`). */
const DurationSchema = z.string().trim().regex(/^(\d+(ms|s|m|h|d|w))+$/, 'must be a duration such as 90s, 15m, 24h or 3d')

/** A comma-separated list of Stripe price lookup keys (letters, digits, `_`, `-`, `.`; Stripe allows 200 characters). */
const LookupKeysSchema = z
  .string()
  .transform((value) => value.split(',').map((key) => key.trim()).filter(Boolean))
  .pipe(z.array(z.string().regex(/^[\w.-]{1,200}$/, 'lookup keys are letters, digits, _ - and .')).min(1).max(4))

const EnvSchema = z
  .object({
    NODE_ENV: z.enum(['development', 'production', 'test']).default('development'),
    APP_URL: z.url().default('http://localhost:5173'),
    DATABASE_URL: z.string().min(1).default('./data/courrier.db'),
    SESSION_SECRET: z.string().min(1).optional(),
    DEFAULT_LOCALE: LocaleSchema.default('en'),
    RATE_LIMIT_PER_MINUTE: z.coerce.number().int().positive().default(10),
    TRUST_PROXY: TrustProxySchema,
    // The address the production server listens on (server.mjs).
    HOST: z.string().min(1).default('0.0.0.0'),

    INNGEST_DEV: bool.default(false),
    INNGEST_BASE_URL: z.url().optional(),
    INNGEST_EVENT_KEY: z.string().min(1).optional(),
    INNGEST_SIGNING_KEY: z.string().min(1).optional(),
    OUTBOX_RELAY: bool.default(true),

    RESEND_API_KEY: z.string().min(1).optional(),
    // Where the Resend SDK sends; tests point it at a loopback double.
    RESEND_BASE_URL: z.url().optional(),
    // A send that has not answered by then is abandoned and retried (with the same idempotency key).
    RESEND_TIMEOUT_MS: z.coerce.number().int().positive().default(15_000),
    // The signing secret of the Resend webhook endpoint (whsec_…): deliveries to /webhooks/resend are verified with it.
    RESEND_WEBHOOK_SECRET: z.string().regex(/^whsec_[A-Za-z0-9+/=]{8,}$/, 'must be the signing secret of your Resend webhook (whsec_…)').optional(),
    EMAIL_FROM: z.string().min(3).default('onboarding@resend.dev'),
    // Named with its postal address in every email's footer (CAN-SPAM, and Gmail's and Yahoo's bulk-sender rules).
    COMPANY_NAME: z.string().trim().min(1).max(100).default(DEV_COMPANY.name),
    COMPANY_ADDRESS: z.string().trim().min(5).max(200).default(DEV_COMPANY.address),
    // The email clients the team's audience reads with (the studio's compatibility matrix); only their
    // findings count toward the badge. Families of the clients the compatibility check asks caniemail about.
    STUDIO_EMAIL_CLIENTS: z
      .string()
      .default('gmail,apple-mail,outlook,yahoo')
      .transform((value) => value.split(',').map((s) => s.trim()).filter(Boolean))
      .pipe(z.array(z.enum(['gmail', 'apple-mail', 'outlook', 'yahoo', 'samsung-email'])).min(1)),
    // A mailbox that takes unsubscribe requests by email: added to List-Unsubscribe beside the https link.
    LIST_UNSUBSCRIBE_MAILTO: z.email().optional(),
    // The onboarding series' delays after signup (Inngest time strings: 24h, 3d, 90s…), so a demo runs in minutes.
    ONBOARDING_DAY_1_DELAY: DurationSchema.default('24h'),
    ONBOARDING_DAY_3_DELAY: DurationSchema.default('3d'),
    ONBOARDING_DAY_7_DELAY: DurationSchema.default('7d'),

    STRIPE_SECRET_KEY: z.string().min(1).optional(),
    STRIPE_WEBHOOK_SECRET: z.string().min(1).optional(),
    STRIPE_API_URL: z.url().optional(),
    // The plans' prices, by Stripe lookup key (one per billing interval; amounts are read from Stripe).
    STRIPE_PRICES_STARTER: LookupKeysSchema.default(['starter_monthly', 'starter_yearly']),
    STRIPE_PRICES_PRO: LookupKeysSchema.default(['pro_monthly', 'pro_yearly']),
    STRIPE_PRICES_BUSINESS: LookupKeysSchema.default(['business_monthly', 'business_yearly']),
    // Days of free trial a Checkout subscription starts with; 0 for none.
    STRIPE_TRIAL_DAYS: z.coerce.number().int().min(0).max(730).default(14),
    // How long a Stripe API call from a page (checkout, portal, prices) may take before the user is told.
    STRIPE_TIMEOUT_MS: z.coerce.number().int().positive().default(10_000),

    // How long after signup a user who has not confirmed their address gets the one activation reminder
    // (an Inngest duration: 30s, 10m, 48h, 2d), so a demo can run it in minutes.
    ACTIVATION_REMINDER_DELAY: z
      .string()
      .regex(/^[1-9]\d{0,5}[smhd]$/, 'must be a duration such as 48h, 2d, 10m or 30s')
      .default('48h'),

    ADMIN_EMAIL: z.email().optional(),
    ADMIN_PASSWORD: z.string().optional(),
  })
  .superRefine((env, ctx) => {
    if (env.NODE_ENV !== 'production') return
    const required: Array<keyof typeof env> = ['SESSION_SECRET', 'STRIPE_WEBHOOK_SECRET']
    // Talking to a local Inngest dev server is the one case where Inngest's keys are not needed.
    if (!env.INNGEST_DEV) required.push('INNGEST_SIGNING_KEY', 'INNGEST_EVENT_KEY')
    for (const name of required) {
      if (!env[name]) ctx.addIssue({ code: 'custom', path: [name], message: 'is required in production' })
    }
    if (env.SESSION_SECRET === DEV_SESSION_SECRET || (env.SESSION_SECRET && env.SESSION_SECRET.length < 32)) {
      ctx.addIssue({ code: 'custom', path: ['SESSION_SECRET'], message: 'must be a random string of at least 32 characters' })
    }
    if (env.INNGEST_DEV && !isLoopback(env.HOST)) {
      ctx.addIssue({
        code: 'custom',
        path: ['INNGEST_DEV'],
        message: `must not be set in production unless HOST is a loopback address (it is ${env.HOST}): in dev mode /api/inngest runs any function for anyone, without a signature`,
      })
    }
    const appUrl = new URL(env.APP_URL)
    if (appUrl.protocol !== 'https:' && !isLoopback(appUrl.hostname)) {
      ctx.addIssue({ code: 'custom', path: ['APP_URL'], message: 'must be https in production (every email link and the Inngest sync point there); only a loopback address may use http' })
    }
    // Sending through Resend without reading its webhooks would keep mailing addresses that bounce.
    if (env.RESEND_API_KEY && !env.RESEND_WEBHOOK_SECRET) {
      ctx.addIssue({ code: 'custom', path: ['RESEND_WEBHOOK_SECRET'], message: 'is required in production when RESEND_API_KEY is set (bounces and complaints arrive through it)' })
    }
    if (env.RESEND_WEBHOOK_SECRET === DEV_RESEND_WEBHOOK_SECRET) {
      ctx.addIssue({ code: 'custom', path: ['RESEND_WEBHOOK_SECRET'], message: 'must be the signing secret of your Resend webhook (whsec_…)' })
    }
    if (env.STRIPE_WEBHOOK_SECRET === DEV_STRIPE_WEBHOOK_SECRET) {
      ctx.addIssue({ code: 'custom', path: ['STRIPE_WEBHOOK_SECRET'], message: 'must be the signing secret of your Stripe endpoint (whsec_…)' })
    }
  })

export type Env = z.infer<typeof EnvSchema> & { SESSION_SECRET: string; STRIPE_WEBHOOK_SECRET: string }

export function parseEnv(source: Record<string, string | undefined>): Env {
  // An empty `KEY=` line means "not set", as it does for most tools.
  const defined = Object.fromEntries(Object.entries(source).filter(([, value]) => value !== ''))
  const result = EnvSchema.safeParse(defined)
  if (!result.success) {
    const lines = result.error.issues.map((issue) => `  - ${issue.path.join('.') || '(env)'}: ${issue.message}`)
    throw new Error(`Invalid environment, Courrier cannot start:\n${lines.join('\n')}`)
  }
  return {
    ...result.data,
    SESSION_SECRET: result.data.SESSION_SECRET ?? DEV_SESSION_SECRET,
    STRIPE_WEBHOOK_SECRET: result.data.STRIPE_WEBHOOK_SECRET ?? DEV_STRIPE_WEBHOOK_SECRET,
    // In production no secret means no Resend webhooks are taken (/webhooks/resend answers 404).
    RESEND_WEBHOOK_SECRET: result.data.RESEND_WEBHOOK_SECRET ?? (result.data.NODE_ENV === 'production' ? undefined : DEV_RESEND_WEBHOOK_SECRET),
  }
}

function loadDotEnv() {
  // Tests set their own variables; a developer's .env must not leak into them.
  if (process.env.VITEST || process.env.NODE_ENV === 'test') return
  if (existsSync('.env')) process.loadEnvFile('.env')
}

loadDotEnv()
export const env = parseEnv(process.env)
export const isProduction = env.NODE_ENV === 'production'
