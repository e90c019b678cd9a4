import { passwordChangedSamples } from '~/events/password-reset'
import { formatEmailDate, formatEmailTime } from './components/dates'
import { accountFrame, EmailLayout } from './components/layout'
import { CallToAction, Paragraph } from './components/parts'
import { definePreviewProps } from './components/preview'
import type { AccountEmailProps, EventInput } from './types'

export interface PasswordChangedEmailProps extends AccountEmailProps {
  /** Already formatted for the locale (UTC). */
  changedDate: string
  changedTime: string
  forgotPasswordUrl: string
}

export const subject = ({ t }: PasswordChangedEmailProps) => t('passwordChanged.subject')
export const previewText = ({ t }: PasswordChangedEmailProps) => t('passwordChanged.preview')
/** One line for people browsing templates (the studio). */
export const description = 'Security notice sent after a password was changed through a reset link: what happened, and what to do if it was not them.'

/** Tells the account's owner their password changed, with the way back in if someone else did it. */
export function PasswordChangedEmail(props: PasswordChangedEmailProps) {
  const { t, changedDate, changedTime, forgotPasswordUrl } = props
  return (
    <EmailLayout subject={subject(props)} {...accountFrame(props, 'passwordChanged')}>
      <Paragraph>{t('passwordChanged.body', { date: changedDate, time: changedTime })}</Paragraph>
      <Paragraph>{t('passwordChanged.sessions')}</Paragraph>
      <Paragraph>{t('passwordChanged.notYou')}</Paragraph>
      <CallToAction href={forgotPasswordUrl} label={t('passwordChanged.cta')} linkHelp={t('common.linkHelp')} />
      <Paragraph muted>{t('passwordChanged.nothingToDo')}</Paragraph>
    </EmailLayout>
  )
}

/** Props from what the step read: the user's name and when the password changed. */
export function fromEvent({ context, locale, appUrl, t }: EventInput<'user/password.changed'>): PasswordChangedEmailProps {
  return {
    t,
    locale,
    userName: context.userName,
    changedDate: formatEmailDate(context.changedAt, locale),
    changedTime: formatEmailTime(context.changedAt, locale),
    forgotPasswordUrl: new URL('/forgot-password', appUrl).href,
  }
}

definePreviewProps(PasswordChangedEmail, fromEvent, passwordChangedSamples['changed-en'], 'en')

export default PasswordChangedEmail
