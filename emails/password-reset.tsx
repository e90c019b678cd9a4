import { passwordResetRequestedSamples } from '~/events/password-reset'
import { accountFrame, EmailLayout } from './components/layout'
import { CallToAction, Paragraph } from './components/parts'
import { definePreviewProps } from './components/preview'
import type { AccountEmailProps, EventInput } from './types'

export interface PasswordResetEmailProps extends AccountEmailProps {
  resetUrl: string
}

export const subject = ({ t }: PasswordResetEmailProps) => t('passwordReset.subject')
export const previewText = ({ t }: PasswordResetEmailProps) => t('passwordReset.preview')
/** One line for people browsing templates (the studio). */
export const description = 'Sent when someone asks for a password reset for an existing account; the link is derived from the token id, good for one hour, once.'

/** The link to choose a new password, asked for on /forgot-password. */
export function PasswordResetEmail(props: PasswordResetEmailProps) {
  const { t, resetUrl } = props
  return (
    <EmailLayout subject={subject(props)} {...accountFrame(props, 'passwordReset')}>
      <Paragraph>{t('passwordReset.body')}</Paragraph>
      <CallToAction href={resetUrl} label={t('passwordReset.cta')} linkHelp={t('common.linkHelp')} />
      <Paragraph muted>{t('passwordReset.expiry')}</Paragraph>
      <Paragraph muted>{t('passwordReset.ignore')}</Paragraph>
    </EmailLayout>
  )
}

/** Props from what the step read: the user's name and the link it derived. */
export function fromEvent({ context, locale, appUrl, t }: EventInput<'user/password-reset.requested'>): PasswordResetEmailProps {
  return { t, locale, userName: context.userName, resetUrl: new URL(context.resetPath, appUrl).href }
}

definePreviewProps(PasswordResetEmail, fromEvent, passwordResetRequestedSamples['reset-en'], 'en')

export default PasswordResetEmail
