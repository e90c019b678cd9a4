import { passwordResetRequestedSamples } from '~/events/password-reset'
import { EmailLayout } from './components/layout'
import { CallToAction, Paragraph } from './components/parts'
import { previewProps } from './components/preview'
import type { EmailProps, EventInput } from './types'

export interface PasswordResetEmailProps extends EmailProps {
  userName: string
  resetUrl: string
}

export const subject = ({ t }: PasswordResetEmailProps) => t('passwordReset.subject')
export const previewText = ({ t }: PasswordResetEmailProps) => t('passwordReset.preview')
/** One line for people browsing templates (the studio). */
export const description = 'Sent when someone asks for a password reset for an existing account; the link is derived from the token id, good for one hour, once.'

/** The link to choose a new password, asked for on /forgot-password. */
export function PasswordResetEmail(props: PasswordResetEmailProps) {
  const { t, locale, userName, resetUrl } = props
  return (
    <EmailLayout t={t} locale={locale} previewText={previewText(props)} heading={t('passwordReset.heading')} recipientName={userName}>
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

PasswordResetEmail.PreviewProps = previewProps(fromEvent, passwordResetRequestedSamples['reset-en'], 'en')

export default PasswordResetEmail
