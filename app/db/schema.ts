import { sql } from 'drizzle-orm'
import { index, integer, primaryKey, sqliteTable, text, uniqueIndex, type AnySQLiteColumn } from 'drizzle-orm/sqlite-core'
import { LIFECYCLE_TOPICS, SUPPRESSION_REASONS } from '../email/categories'
import { LOCALES } from '../i18n/locales'
import { OUTBOX_STATUSES } from '../outbox/status'

const id = () =>
  text('id')
    .primaryKey()
    .$defaultFn(() => crypto.randomUUID())
const createdAt = () =>
  integer('created_at', { mode: 'timestamp_ms' })
    .notNull()
    .default(sql`(unixepoch('subsec') * 1000)`)

/** A required reference to a row whose deletion takes this one with it (a member, a token, an invitation). */
const ownedBy = (column: string, target: () => AnySQLiteColumn) => text(column).notNull().references(target, { onDelete: 'cascade' })

export const users = sqliteTable('users', {
  id: id(),
  // Stored lower-cased; the unique index is what settles two signups racing for one address.
  email: text('email').notNull().unique(),
  name: text('name').notNull(),
  passwordHash: text('password_hash').notNull(),
  language: text('language', { enum: LOCALES }).notNull(),
  role: text('role', { enum: ['user', 'marketer', 'admin'] })
    .notNull()
    .default('user'),
  // Set when the user follows their confirmation link (or accepts an emailed invitation): the address is
  // proven. A user with a confirmed address is what the product calls activated.
  emailVerifiedAt: integer('email_verified_at', { mode: 'timestamp_ms' }),
  createdAt: createdAt(),
})

export const sessions = sqliteTable(
  'sessions',
  {
    id: text('id').primaryKey(),
    userId: text('user_id').references(() => users.id, { onDelete: 'cascade' }),
    data: text('data', { mode: 'json' }).$type<Record<string, unknown>>().notNull(),
    expiresAt: integer('expires_at', { mode: 'timestamp_ms' }).notNull(),
    createdAt: createdAt(),
  },
  (t) => [index('sessions_expires_at_idx').on(t.expiresAt), index('sessions_user_id_idx').on(t.userId)],
)

/** Events written in the same transaction as the change that caused them, then relayed to Inngest. */
export const outboxEvents = sqliteTable(
  'outbox_events',
  {
    // Sent as the Inngest event id, so Inngest drops a second delivery of the same row.
    id: text('id').primaryKey(),
    name: text('name').notNull(),
    data: text('data', { mode: 'json' }).$type<Record<string, unknown>>().notNull(),
    // When the event should take effect (Inngest `ts`), for scheduled events.
    ts: integer('ts', { mode: 'timestamp_ms' }),
    status: text('status', { enum: OUTBOX_STATUSES }).notNull().default('pending'),
    attempts: integer('attempts').notNull().default(0),
    lastError: text('last_error'),
    nextAttemptAt: integer('next_attempt_at', { mode: 'timestamp_ms' })
      .notNull()
      .default(sql`(unixepoch('subsec') * 1000)`),
    // A relay claims rows before sending, so two processes never deliver the same row.
    claimedBy: text('claimed_by'),
    claimedUntil: integer('claimed_until', { mode: 'timestamp_ms' }),
    sentAt: integer('sent_at', { mode: 'timestamp_ms' }),
    createdAt: createdAt(),
  },
  (t) => [index('outbox_status_next_idx').on(t.status, t.nextAttemptAt)],
)

/**
 * Every email Courrier sends: kept here (the local transport, without RESEND_API_KEY) or handed to Resend
 * after this row is written, so a webhook about it always finds the row. The studio's mailbox shows them.
 */
export const mailboxMessages = sqliteTable(
  'mailbox_messages',
  {
    id: id(),
    // event id + template: a retried step stores one message, not two.
    idempotencyKey: text('idempotency_key').unique(),
    to: text('to').notNull(),
    from: text('from').notNull(),
    subject: text('subject').notNull(),
    previewText: text('preview_text'),
    html: text('html').notNull(),
    text: text('text').notNull(),
    headers: text('headers', { mode: 'json' }).$type<Record<string, string>>().notNull(),
    template: text('template').notNull(),
    locale: text('locale').notNull(),
    eventId: text('event_id'),
    // 'resend': handed to Resend, which answered `providerId` (null until it has); 'local': kept here only.
    transport: text('transport', { enum: ['local', 'resend'] })
      .notNull()
      .default('local'),
    providerId: text('provider_id').unique(),
    createdAt: createdAt(),
  },
  (t) => [index('mailbox_to_idx').on(t.to), index('mailbox_created_idx').on(t.createdAt)],
)

/** Failures recorded by the functions' onFailure handlers, for admins. */
export const functionFailures = sqliteTable('function_failures', {
  id: id(),
  functionId: text('function_id').notNull(),
  runId: text('run_id'),
  eventName: text('event_name'),
  eventId: text('event_id'),
  error: text('error').notNull(),
  createdAt: createdAt(),
})

/** Stripe subscriptions as last reported by Stripe; status kept current by webhooks. */
export const subscriptions = sqliteTable('subscriptions', {
  id: text('id').primaryKey(),
  customerId: text('customer_id').notNull(),
  status: text('status').notNull(),
  priceId: text('price_id'),
  trialEnd: integer('trial_end', { mode: 'timestamp_ms' }),
  // Stripe's `created` of the last event applied: an older event arriving late never wins.
  lastEventAt: integer('last_event_at').notNull(),
  updatedAt: createdAt(),
})

export const organizations = sqliteTable(
  'organizations',
  {
    id: id(),
    name: text('name').notNull(),
    stripeSubscriptionId: text('stripe_subscription_id').unique(),
    stripeCustomerId: text('stripe_customer_id'),
    // The Stripe customer's email while no user with that confirmed address exists: the user who confirms
    // it becomes the owner (app/auth/email-verification.server.ts), and this is cleared.
    pendingOwnerEmail: text('pending_owner_email'),
    createdAt: createdAt(),
  },
  (t) => [index('organizations_pending_owner_idx').on(t.pendingOwnerEmail)],
)

export const memberships = sqliteTable(
  'memberships',
  {
    organizationId: ownedBy('organization_id', () => organizations.id),
    userId: ownedBy('user_id', () => users.id),
    role: text('role', { enum: ['owner', 'member'] }).notNull(),
    createdAt: createdAt(),
  },
  (t) => [primaryKey({ columns: [t.organizationId, t.userId] })],
)

export const invitations = sqliteTable(
  'invitations',
  {
    id: id(),
    organizationId: ownedBy('organization_id', () => organizations.id),
    email: text('email').notNull(),
    // Only a hash of the link's token is stored.
    tokenHash: text('token_hash').notNull(),
    invitedBy: text('invited_by').references(() => users.id, {
      onDelete: 'set null',
    }),
    language: text('language', { enum: LOCALES }).notNull(),
    expiresAt: integer('expires_at', { mode: 'timestamp_ms' }).notNull(),
    acceptedAt: integer('accepted_at', { mode: 'timestamp_ms' }),
    acceptedBy: text('accepted_by').references(() => users.id, {
      onDelete: 'set null',
    }),
    revokedAt: integer('revoked_at', { mode: 'timestamp_ms' }),
    createdAt: createdAt(),
  },
  (t) => [uniqueIndex('invitations_token_idx').on(t.tokenHash), index('invitations_expires_idx').on(t.expiresAt)],
)

/** Stripe event ids already taken, recorded in the same transaction as the outbox event they produce. */
export const stripeEvents = sqliteTable('stripe_events', {
  id: text('id').primaryKey(),
  type: text('type').notNull(),
  receivedAt: createdAt(),
})

/**
 * One-time links sent to a user by email (password reset; address confirmation later). The link's token
 * is derived from the row id with SESSION_SECRET (app/auth/user-tokens.server.ts): only its SHA-256 is
 * stored, and a link is good once, before `expiresAt`.
 */
export const userTokens = sqliteTable(
  'user_tokens',
  {
    id: id(),
    userId: ownedBy('user_id', () => users.id),
    purpose: text('purpose', {
      enum: ['password-reset', 'email-verification'],
    }).notNull(),
    tokenHash: text('token_hash').notNull(),
    expiresAt: integer('expires_at', { mode: 'timestamp_ms' }).notNull(),
    usedAt: integer('used_at', { mode: 'timestamp_ms' }),
    createdAt: createdAt(),
  },
  (t) => [
    uniqueIndex('user_tokens_token_idx').on(t.tokenHash),
    index('user_tokens_user_purpose_idx').on(t.userId, t.purpose, t.createdAt),
    index('user_tokens_expires_idx').on(t.expiresAt),
  ],
)

/**
 * A user's consent to one lifecycle list, as far as links need it: `version` rises at every re-subscribe,
 * and an unsubscribe link carries the version it was sent with (app/preferences/unsubscribe-token.server.ts).
 * No row: never changed, version 0. Whether the user is subscribed is the suppression list's to say.
 */
export const emailPreferences = sqliteTable(
  'email_preferences',
  {
    userId: ownedBy('user_id', () => users.id),
    topic: text('topic', { enum: LIFECYCLE_TOPICS }).notNull(),
    version: integer('version').notNull().default(0),
    updatedAt: integer('updated_at', { mode: 'timestamp_ms' })
      .notNull()
      .default(sql`(unixepoch('subsec') * 1000)`),
  },
  (t) => [primaryKey({ columns: [t.userId, t.topic] })],
)

/**
 * The one suppression list sendEmail consults before any lifecycle email: an unsubscribe (bound to the
 * user and a list), and, from the engagement issue, an address that bounced or complained (every list).
 * Rows of a deleted user go with them; bounces and complaints recorded by address alone stay.
 */
export const emailSuppressions = sqliteTable(
  'email_suppressions',
  {
    id: id(),
    // Lower-cased, as users.email is.
    email: text('email').notNull(),
    userId: text('user_id').references(() => users.id, { onDelete: 'cascade' }),
    // The list left; null: every lifecycle email.
    topic: text('topic', { enum: LIFECYCLE_TOPICS }),
    reason: text('reason', { enum: SUPPRESSION_REASONS }).notNull(),
    // What the receiving server said (a bounce's message), for the admin who considers lifting it.
    detail: text('detail'),
    createdAt: createdAt(),
  },
  (t) => [index('email_suppressions_email_idx').on(t.email), index('email_suppressions_user_idx').on(t.userId)],
)

/**
 * Where the confirmation of an account deletion goes: the account is gone when its function runs, and
 * `user/deleted` carries the id only (events carry no addresses). Written in the deletion's transaction,
 * read and deleted by the step that sends the notice; the daily clean-up removes any left after a week.
 */
export const accountDeletionNotices = sqliteTable(
  'account_deletion_notices',
  {
    // The deleted user's id (no reference: the user row is gone).
    userId: text('user_id').primaryKey(),
    email: text('email').notNull(),
    name: text('name').notNull(),
    language: text('language', { enum: LOCALES }).notNull(),
    createdAt: createdAt(),
  },
  (t) => [index('account_deletion_notices_created_idx').on(t.createdAt)],
)

/**
 * The Stripe prices the plan catalogue names by lookup key (app/billing/prices.server.ts), as Stripe last
 * reported them: amounts are never written in the code. A row with no price id records that Stripe has
 * no active price for that key (a plan without a yearly price). Emptied on `price.*`/`product.*` webhooks,
 * so every process reads Stripe again.
 */
export const stripePrices = sqliteTable('stripe_prices', {
  lookupKey: text('lookup_key').primaryKey(),
  priceId: text('price_id'),
  productId: text('product_id'),
  // In the currency's smallest unit, as Stripe gives it (2900 = 29.00 EUR).
  unitAmount: integer('unit_amount'),
  currency: text('currency'),
  interval: text('interval', { enum: ['day', 'week', 'month', 'year'] }),
  intervalCount: integer('interval_count'),
  fetchedAt: integer('fetched_at', { mode: 'timestamp_ms' }).notNull(),
})

/**
 * Checkout Sessions Courrier created, and for whom: `checkout.session.completed` fills in the customer and
 * subscription Stripe made, which then belong to this user whatever email the customer typed.
 */
export const checkoutSessions = sqliteTable(
  'checkout_sessions',
  {
    id: text('id').primaryKey(),
    userId: ownedBy('user_id', () => users.id),
    planId: text('plan_id').notNull(),
    priceId: text('price_id').notNull(),
    customerId: text('customer_id'),
    subscriptionId: text('subscription_id'),
    completedAt: integer('completed_at', { mode: 'timestamp_ms' }),
    createdAt: createdAt(),
  },
  (t) => [index('checkout_sessions_user_idx').on(t.userId, t.createdAt), index('checkout_sessions_subscription_idx').on(t.subscriptionId)],
)

/**
 * Every Resend webhook delivery taken, once, by its `svix-id` (issue 14): the message timeline reads it.
 * Attributed when it arrives to a mailbox row (by the `message` tag the send put on the email, else by
 * Resend's email id), a template and a language (tags), and the recipient. Types Courrier does not act on
 * are recorded too (type and id only), so a redelivery of them is also recognised.
 */
export const emailEvents = sqliteTable(
  'email_events',
  {
    // The delivery's svix-id: a second delivery of it changes nothing.
    id: text('id').primaryKey(),
    type: text('type').notNull(),
    // Resend's id for the email, when the event is about one.
    emailId: text('email_id'),
    messageId: text('message_id'),
    template: text('template'),
    locale: text('locale'),
    recipient: text('recipient'),
    // When it happened at Resend (the payload's created_at), not when it reached us: the timeline's order.
    occurredAt: integer('occurred_at', { mode: 'timestamp_ms' }).notNull(),
    // The link clicked, the bounce's type and message: short, and never the email's content.
    detail: text('detail', { mode: 'json' }).$type<EmailEventDetail>(),
    receivedAt: createdAt(),
  },
  (t) => [index('email_events_message_idx').on(t.messageId, t.occurredAt), index('email_events_email_idx').on(t.emailId)],
)
export type EmailEventDetail = { link?: string; bounceType?: string; bounceSubType?: string; bounceMessage?: string }

/**
 * One row per email Resend reported on: when it was first delivered, opened, clicked, bounced, complained
 * about. The daily counts below rise only when one of these is first set, so an email opened ten times
 * counts one open. Keyed by the mailbox row when known, else by Resend's email id (`resend:<id>`).
 */
export const emailEngagement = sqliteTable('email_engagement', {
  key: text('key').primaryKey(),
  template: text('template').notNull(),
  locale: text('locale').notNull(),
  // The UTC day the email was sent: the day its counts belong to.
  day: text('day').notNull(),
  deliveredAt: integer('delivered_at', { mode: 'timestamp_ms' }),
  openedAt: integer('opened_at', { mode: 'timestamp_ms' }),
  clickedAt: integer('clicked_at', { mode: 'timestamp_ms' }),
  bouncedAt: integer('bounced_at', { mode: 'timestamp_ms' }),
  complainedAt: integer('complained_at', { mode: 'timestamp_ms' }),
})

/**
 * Counts per UTC day of sending, template and language: what the analytics page sums. Kept in the same
 * transaction as what they count (a send, a skip, an engagement first seen), so a page over 90 days reads
 * at most days × templates × languages rows, however many webhook events are stored.
 */
export const emailDailyStats = sqliteTable(
  'email_daily_stats',
  {
    day: text('day').notNull(),
    template: text('template').notNull(),
    locale: text('locale').notNull(),
    sent: integer('sent').notNull().default(0),
    delivered: integer('delivered').notNull().default(0),
    opened: integer('opened').notNull().default(0),
    clicked: integer('clicked').notNull().default(0),
    bounced: integer('bounced').notNull().default(0),
    complained: integer('complained').notNull().default(0),
    // Not sent: the address was suppressed (or the lifecycle email's user could not get it).
    skipped: integer('skipped').notNull().default(0),
  },
  (t) => [primaryKey({ columns: [t.day, t.template, t.locale] })],
)

/** An email sendEmail did not send, and why (suppressed address, unconfirmed user…): once per idempotency key. */
export const emailSkips = sqliteTable(
  'email_skips',
  {
    id: id(),
    idempotencyKey: text('idempotency_key').notNull().unique(),
    template: text('template').notNull(),
    locale: text('locale').notNull(),
    recipient: text('recipient').notNull(),
    eventId: text('event_id'),
    reason: text('reason').notNull(),
    createdAt: createdAt(),
  },
  (t) => [index('email_skips_created_idx').on(t.createdAt)],
)

/** Who lifted a bounce or complaint from the suppression list, when, and why: the entry is gone, this stays. */
export const suppressionLifts = sqliteTable('suppression_lifts', {
  id: id(),
  email: text('email').notNull(),
  reason: text('reason', { enum: SUPPRESSION_REASONS }).notNull(),
  note: text('note').notNull(),
  liftedBy: text('lifted_by').references(() => users.id, { onDelete: 'set null' }),
  createdAt: createdAt(),
})
