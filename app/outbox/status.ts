/** The states of an outbox row: the table's enum (app/db/schema.ts), the relay's queries and the studio's filters. Client-safe. */
export const OUTBOX_STATUSES = ['pending', 'sent', 'failed'] as const
export type OutboxStatus = (typeof OUTBOX_STATUSES)[number]
