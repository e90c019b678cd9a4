import { eventType } from 'inngest'
import { z } from 'zod'
import { LocaleSchema } from '~/i18n/locales'
import { PersonNameSchema } from './person-name'
import { defineSamples } from './samples'

export const UserRegisteredSchema = z.object({
  userId: z.string().min(1),
  userName: PersonNameSchema,
  userEmail: z.email(),
  language: LocaleSchema,
})
export type UserRegistered = z.infer<typeof UserRegisteredSchema>

export const userRegistered = eventType('user/registered', { schema: UserRegisteredSchema })

export const userRegisteredSamples = defineSamples(UserRegisteredSchema, {
  'new-user-fr': {
    label: 'New user, French',
    data: { userId: 'usr_sample_fr', userName: 'Camille Dupont', userEmail: 'camille@example.com', language: 'fr' },
  },
  'new-user-en': {
    label: 'New user, English',
    data: { userId: 'usr_sample_en', userName: 'Alex Morgan', userEmail: 'alex@example.com', language: 'en' },
  },
  'new-user-es-long-name': {
    label: 'New user, long Spanish name',
    data: {
      userId: 'usr_sample_es',
      userName: 'María de los Ángeles Fernández-Villaverde y Santiesteban',
      userEmail: 'maria.angeles@example.com',
      language: 'es',
    },
  },
})
