import { eventType } from './event-type'
import { z } from 'zod'
import { IdSchema, OrganizationNameSchema } from './ids'
import { PersonNameSchema } from './person-name'
import { defineSamples } from './samples'

/**
 * An owner invited someone to their organization. The event carries the ids only: the step reads the
 * invitation (address, language, expiry, who invited) when it sends, so a revoked invitation sends
 * nothing. The link's token is in no event (events carry no secrets): the step derives it.
 */
export const InvitationCreatedSchema = z.object({ invitationId: IdSchema, organizationId: IdSchema })

export const invitationCreated = eventType('organization/invitation.created', { schema: InvitationCreatedSchema })

/** What the step reads and derives when it sends the invitation. */
export const InvitationContextSchema = z.object({
  organizationName: OrganizationNameSchema,
  inviterName: PersonNameSchema,
  /** ISO date-time. */
  expiresAt: z.iso.datetime(),
  /** The accept link's path (`/invitations/:id/:token`), derived from the invitation id in the step. */
  acceptPath: z.string().startsWith('/invitations/').max(300),
})

export const invitationCreatedSamples = defineSamples(
  { data: InvitationCreatedSchema, context: InvitationContextSchema },
  {
    'invite-fr': {
      label: 'Invitation, French',
      data: { invitationId: 'inv_sample_1', organizationId: 'org_sample_1' },
      context: {
        organizationName: 'Atelier Dupont',
        inviterName: 'Camille Dupont',
        expiresAt: '2026-12-03T10:00:00.000Z',
        acceptPath: '/invitations/inv_sample_1/sample-token',
      },
    },
    'invite-es-long-org': {
      label: 'Invitation, Spanish, long organization name',
      data: { invitationId: 'inv_sample_2', organizationId: 'org_sample_2' },
      context: {
        organizationName: 'Cooperativa de Servicios Digitales Fernández-Villaverde y Asociados',
        inviterName: 'María de los Ángeles',
        expiresAt: '2026-12-03T10:00:00.000Z',
        acceptPath: '/invitations/inv_sample_2/sample-token',
      },
    },
  },
)
