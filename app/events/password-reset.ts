import { eventType } from './event-type'
import { z } from 'zod'
import { IdSchema } from './ids'
import { PersonNameSchema } from './person-name'
import { defineSamples } from './samples'

/**
 * Someone asked for a password reset for an address that has an account. The event carries ids only,
 * never the link's token (events carry no secrets, docs/decisions/0011-events-carry-ids.md): the step
 * reads the token row and the user when it sends, and derives the link from the token id.
 */
export const PasswordResetRequestedSchema = z.object({ userId: IdSchema, tokenId: IdSchema })

export const passwordResetRequested = eventType('user/password-reset.requested', { schema: PasswordResetRequestedSchema })

/** What the step reads and derives when it sends the reset link. */
export const PasswordResetContextSchema = z.object({
  userName: PersonNameSchema,
  /** The link's path (`/reset-password/:token`), derived from the token id in the step. */
  resetPath: z.string().startsWith('/reset-password/').max(300),
})

export const passwordResetRequestedSamples = defineSamples({ data: PasswordResetRequestedSchema, context: PasswordResetContextSchema }, {
  'reset-en': {
    label: 'Reset requested, English',
    data: { userId: 'usr_sample_en', tokenId: 'tok_sample_1' },
    context: { userName: 'Alex Morgan', resetPath: '/reset-password/sample-token' },
  },
  'reset-fr': {
    label: 'Reset requested, French',
    data: { userId: 'usr_sample_fr', tokenId: 'tok_sample_2' },
    context: { userName: 'Camille Dupont', resetPath: '/reset-password/sample-token' },
  },
  'reset-es-long-name': {
    label: 'Reset requested, long Spanish name',
    data: { userId: 'usr_sample_es', tokenId: 'tok_sample_3' },
    context: {
      userName: 'María de los Ángeles Fernández-Villaverde y Santiesteban',
      resetPath: '/reset-password/sample-token',
    },
  },
})

/**
 * A user's password was changed (through a reset link). The security notice goes to the account's
 * address; the step reads the user when it sends.
 */
export const PasswordChangedSchema = z.object({ userId: IdSchema })

export const passwordChanged = eventType('user/password.changed', { schema: PasswordChangedSchema })

/** What the step reads when it sends the notice. */
export const PasswordChangedContextSchema = z.object({
  userName: PersonNameSchema,
  /** ISO date-time: when the password was changed (the event's time). */
  changedAt: z.iso.datetime(),
})

export const passwordChangedSamples = defineSamples({ data: PasswordChangedSchema, context: PasswordChangedContextSchema }, {
  'changed-en': { label: 'Password changed, English', data: { userId: 'usr_sample_en' }, context: { userName: 'Alex Morgan', changedAt: '2026-12-02T09:30:00.000Z' } },
  'changed-fr': { label: 'Password changed, French', data: { userId: 'usr_sample_fr' }, context: { userName: 'Camille Dupont', changedAt: '2026-12-02T09:30:00.000Z' } },
  'changed-es-long-name': {
    label: 'Password changed, long Spanish name',
    data: { userId: 'usr_sample_es' },
    context: { userName: 'María de los Ángeles Fernández-Villaverde y Santiesteban', changedAt: '2026-12-02T09:30:00.000Z' },
  },
})
