import type { EmailT } from '~/email/i18n.server'
import { EmailLayout } from './components/layout'
import { CallToAction, Paragraph, Signature, Title } from './components/parts'

export interface WelcomeEmailProps {
  t: EmailT
  locale: 'fr' | 'en' | 'es'
  userName: string
  dashboardUrl: string
}

export const subject = ({ t, userName }: WelcomeEmailProps) => t('welcome.subject', { name: userName })
export const previewText = ({ t }: WelcomeEmailProps) => t('welcome.preview')

export function WelcomeEmail(props: WelcomeEmailProps) {
  const { t, locale, userName, dashboardUrl } = props
  return (
    <EmailLayout t={t} locale={locale} previewText={previewText(props)} footer={t('common.footerAccount')}>
      <Title>{t('welcome.heading')}</Title>
      <Paragraph>{t('common.greeting', { name: userName })}</Paragraph>
      <Paragraph>{t('welcome.intro')}</Paragraph>
      <Paragraph>{t('welcome.body')}</Paragraph>
      <CallToAction href={dashboardUrl} label={t('welcome.cta')} linkHelp={t('common.linkHelp')} />
      <Paragraph muted>{t('welcome.nextStep')}</Paragraph>
      <Signature>{t('common.signature')}</Signature>
    </EmailLayout>
  )
}
