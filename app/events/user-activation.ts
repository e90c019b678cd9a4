import { eventType } from './event-type'
import { z } from 'zod'
import { IdSchema } from './ids'
import { PersonNameSchema } from './person-name'
import { defineSamples } from './samples'

/** The path of an address-confirmation link (`/verify-email/:token`), derived from its token id in the step that emails it. */
export const ConfirmPathSchema = z.string().startsWith('/verify-email/').max(300)

/**
 * A user proved their address: they followed their confirmation link, accepted an invitation emailed
 * to it, or set a password through a reset link sent to it. Written once per user, in the transaction
 * that sets `emailVerifiedAt`; the activation reminder waits for it (matched on `userId`).
 */
export const UserActivatedSchema = z.object({ userId: IdSchema })

export const userActivated = eventType('user/activated', {
  schema: UserActivatedSchema,
})

export const userActivatedSamples = defineSamples(
  { data: UserActivatedSchema },
  {
    'activated-fr': {
      label: 'Address confirmed, French user',
      data: { userId: 'usr_sample_fr' },
    },
  },
)

/**
 * A user with a pending address asked for a new confirmation link (the dashboard's banner). Ids only:
 * the step reads the token row and the user when it sends, and derives the link from the token id.
 */
export const EmailConfirmationRequestedSchema = z.object({
  userId: IdSchema,
  tokenId: IdSchema,
})

export const emailConfirmationRequested = eventType('user/email-confirmation.requested', { schema: EmailConfirmationRequestedSchema })

/** What the step reads and derives when it sends a confirmation link (asked for again, or the reminder). */
export const ConfirmationContextSchema = z.object({
  userName: PersonNameSchema,
  confirmPath: ConfirmPathSchema,
})

export const emailConfirmationRequestedSamples = defineSamples(
  {
    data: EmailConfirmationRequestedSchema,
    context: ConfirmationContextSchema,
  },
  {
    'link-again-en': {
      label: 'New link asked for, English',
      data: { userId: 'usr_sample_en', tokenId: 'tok_sample_1' },
      context: {
        userName: 'Alex Morgan',
        confirmPath: '/verify-email/sample-token',
      },
    },
    'link-again-fr': {
      label: 'New link asked for, French',
      data: { userId: 'usr_sample_fr', tokenId: 'tok_sample_2' },
      context: {
        userName: 'Camille Dupont',
        confirmPath: '/verify-email/sample-token',
      },
    },
    'link-again-es-long-name': {
      label: 'New link asked for, long Spanish name',
      data: { userId: 'usr_sample_es', tokenId: 'tok_sample_3' },
      context: {
        userName: 'María de los Ángeles Fernández-Villaverde y Santiesteban',
        confirmPath: '/verify-email/sample-token',
      },
    },
  },
)
