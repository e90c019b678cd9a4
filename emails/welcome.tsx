import { userRegisteredSamples } from '~/events/user-registered'
import { EmailLayout } from './components/layout'
import { CallToAction, Paragraph } from './components/parts'
import { definePreviewProps } from './components/preview'
import { userEmailFromEvent } from './components/user-email'
import type { EventInput, UserEmailProps } from './types'

export interface WelcomeEmailProps extends UserEmailProps {
  /** The address-confirmation link, while the address is pending (absent for an address already proven). */
  confirmUrl?: string
}

export const subject = ({ t, userName }: WelcomeEmailProps) => t('welcome.subject', { name: userName })
export const previewText = ({ t }: WelcomeEmailProps) => t('welcome.preview')
/** One line for people browsing templates (the studio). */
export const description = 'Sent as soon as a user signs up; while the address is pending, its button confirms it (a 7-day, single-use link).'

/**
 * Sent as soon as a user signs up: what Courrier does for them and, while their address is pending,
 * the button that confirms it (activates the account); otherwise the way to their dashboard.
 */
export function WelcomeEmail(props: WelcomeEmailProps) {
  const { t, locale, userName, dashboardUrl, confirmUrl } = props
  return (
    <EmailLayout subject={subject(props)} t={t} locale={locale} previewText={previewText(props)} heading={t('welcome.heading')} recipientName={userName}>
      <Paragraph>{t('welcome.intro')}</Paragraph>
      <Paragraph>{t('welcome.body')}</Paragraph>
      {confirmUrl ? (
        <>
          <Paragraph>{t('welcome.confirm')}</Paragraph>
          <CallToAction href={confirmUrl} label={t('welcome.confirmCta')} linkHelp={t('common.linkHelp')} />
          <Paragraph muted>{t('welcome.confirmExpiry')}</Paragraph>
        </>
      ) : (
        <CallToAction href={dashboardUrl} label={t('welcome.cta')} linkHelp={t('common.linkHelp')} />
      )}
      <Paragraph muted>{t('welcome.nextStep')}</Paragraph>
    </EmailLayout>
  )
}

export function fromEvent(input: EventInput<'user/registered'>): WelcomeEmailProps {
  const { confirmPath } = input.context
  return {
    ...userEmailFromEvent(input),
    ...(confirmPath ? { confirmUrl: new URL(confirmPath, input.appUrl).href } : {}),
  }
}

definePreviewProps(WelcomeEmail, fromEvent, userRegisteredSamples['new-user-en'], 'en')

export default WelcomeEmail
