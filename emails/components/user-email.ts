import type { EventInput, UserEmailProps } from '../types'

/** The props of an email to a user who signed up (welcome, follow-up), from `user/registered`. */
export function userEmailFromEvent({ context, locale, appUrl, t }: EventInput<'user/registered'>): UserEmailProps {
  return { t, locale, userName: context.userName, dashboardUrl: new URL('/dashboard', appUrl).href }
}
