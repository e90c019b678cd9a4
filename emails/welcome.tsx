import { userRegisteredSamples } from '~/events/user-registered'
import { EmailLayout } from './components/layout'
import { CallToAction, Paragraph } from './components/parts'
import { previewProps } from './components/preview'
import { userEmailFromEvent } from './components/user-email'
import type { UserEmailProps } from './types'

export type WelcomeEmailProps = UserEmailProps

export const subject = ({ t, userName }: WelcomeEmailProps) => t('welcome.subject', { name: userName })
export const previewText = ({ t }: WelcomeEmailProps) => t('welcome.preview')
/** One line for people browsing templates (the studio). */
export const description = 'Sent as soon as a user signs up.'

/** Sent as soon as a user signs up: what Courrier does for them and the way to their dashboard. */
export function WelcomeEmail(props: WelcomeEmailProps) {
  const { t, locale, userName, dashboardUrl } = props
  return (
    <EmailLayout t={t} locale={locale} previewText={previewText(props)} heading={t('welcome.heading')} recipientName={userName}>
      <Paragraph>{t('welcome.intro')}</Paragraph>
      <Paragraph>{t('welcome.body')}</Paragraph>
      <CallToAction href={dashboardUrl} label={t('welcome.cta')} linkHelp={t('common.linkHelp')} />
      <Paragraph muted>{t('welcome.nextStep')}</Paragraph>
    </EmailLayout>
  )
}

export const fromEvent = userEmailFromEvent

WelcomeEmail.PreviewProps = previewProps(fromEvent, userRegisteredSamples['new-user-en'], 'en')

export default WelcomeEmail
