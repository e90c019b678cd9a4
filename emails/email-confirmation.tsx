import { emailConfirmationRequestedSamples } from '~/events/user-activation'
import { accountFrame, EmailLayout } from './components/layout'
import { CallToAction, Paragraph } from './components/parts'
import { definePreviewProps } from './components/preview'
import type { AccountEmailProps, EventInput } from './types'

export interface EmailConfirmationEmailProps extends AccountEmailProps {
  confirmUrl: string
}

export const subject = ({ t }: EmailConfirmationEmailProps) => t('emailConfirmation.subject')
export const previewText = ({ t }: EmailConfirmationEmailProps) => t('emailConfirmation.preview')
/** One line for people browsing templates (the studio). */
export const description = 'Sent when a user with a pending address asks for a new confirmation link (the dashboard banner; one a minute, five a day).'

/** A new address-confirmation link, asked for from the dashboard. */
export function EmailConfirmationEmail(props: EmailConfirmationEmailProps) {
  const { t, confirmUrl } = props
  return (
    <EmailLayout subject={subject(props)} {...accountFrame(props, 'emailConfirmation')}>
      <Paragraph>{t('emailConfirmation.body')}</Paragraph>
      <CallToAction href={confirmUrl} label={t('emailConfirmation.cta')} linkHelp={t('common.linkHelp')} />
      <Paragraph muted>{t('emailConfirmation.expiry')}</Paragraph>
      <Paragraph muted>{t('emailConfirmation.ignore')}</Paragraph>
    </EmailLayout>
  )
}

/** Props from what the step read: the user's name and the link it derived from the token id. */
export function fromEvent({ context, locale, appUrl, t }: EventInput<'user/email-confirmation.requested'>): EmailConfirmationEmailProps {
  return {
    t,
    locale,
    userName: context.userName,
    confirmUrl: new URL(context.confirmPath, appUrl).href,
  }
}

definePreviewProps(EmailConfirmationEmail, fromEvent, emailConfirmationRequestedSamples['link-again-en'], 'en')

export default EmailConfirmationEmail
