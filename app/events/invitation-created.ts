import { eventType } from 'inngest'
import { z } from 'zod'
import { LocaleSchema } from '~/i18n/locales'
import { PersonNameSchema } from './person-name'
import { defineSamples } from './samples'

/**
 * An owner invited someone to their organization. The link's token is not in the event (events carry
 * no secrets): it is derived from the invitation id when the email is rendered.
 */
export const InvitationCreatedSchema = z.object({
  invitationId: z.string().min(1),
  organizationId: z.string().min(1),
  organizationName: z.string().min(1).max(200),
  inviterName: PersonNameSchema,
  email: z.email(),
  language: LocaleSchema,
  expiresAt: z.iso.datetime(),
})
export type InvitationCreated = z.infer<typeof InvitationCreatedSchema>

export const invitationCreated = eventType('organization/invitation.created', { schema: InvitationCreatedSchema })

export const invitationCreatedSamples = defineSamples(InvitationCreatedSchema, {
  'invite-fr': {
    label: 'Invitation, French',
    data: {
      invitationId: 'inv_sample_1',
      organizationId: 'org_sample_1',
      organizationName: 'Atelier Dupont',
      inviterName: 'Camille Dupont',
      email: 'lea@example.com',
      language: 'fr',
      expiresAt: '2026-12-03T10:00:00.000Z',
    },
  },
  'invite-es-long-org': {
    label: 'Invitation, Spanish, long organization name',
    data: {
      invitationId: 'inv_sample_2',
      organizationId: 'org_sample_2',
      organizationName: 'Cooperativa de Servicios Digitales Fernández-Villaverde y Asociados',
      inviterName: 'María de los Ángeles',
      email: 'pablo@example.com',
      language: 'es',
      expiresAt: '2026-12-03T10:00:00.000Z',
    },
  },
})
