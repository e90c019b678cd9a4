import { Section } from '@react-email/section'
import { Text } from '@react-email/text'
import type { EmailT } from '~/email/i18n.server'
import { EmailLayout } from './components/layout'
import { CallToAction, Paragraph, Signature, Title } from './components/parts'

export interface WelcomeFollowUpEmailProps {
  t: EmailT
  locale: 'fr' | 'en' | 'es'
  userName: string
  dashboardUrl: string
}

export const subject = ({ t, userName }: WelcomeFollowUpEmailProps) => t('welcomeFollowUp.subject', { name: userName })
export const previewText = ({ t }: WelcomeFollowUpEmailProps) => t('welcomeFollowUp.preview')

const tips = ['welcomeFollowUp.tip1', 'welcomeFollowUp.tip2', 'welcomeFollowUp.tip3'] as const

/** Sent 24 hours after signup: how it is going, a way back to the dashboard, tips to get started. */
export function WelcomeFollowUpEmail(props: WelcomeFollowUpEmailProps) {
  const { t, locale, userName, dashboardUrl } = props
  return (
    <EmailLayout t={t} locale={locale} previewText={previewText(props)} footer={t('common.footerAccount')}>
      <Title>{t('welcomeFollowUp.heading')}</Title>
      <Paragraph>{t('common.greeting', { name: userName })}</Paragraph>
      <Paragraph>{t('welcomeFollowUp.intro')}</Paragraph>
      <Section style={styles.tips}>
        <Text style={styles.tipsTitle}>{t('welcomeFollowUp.tipsTitle')}</Text>
        {tips.map((key, index) => (
          <Text key={key} style={styles.tip}>
            {index + 1}. {t(key)}
          </Text>
        ))}
      </Section>
      <CallToAction href={dashboardUrl} label={t('welcomeFollowUp.cta')} linkHelp={t('common.linkHelp')} />
      <Paragraph>{t('welcomeFollowUp.closing')}</Paragraph>
      <Signature>{t('common.signature')}</Signature>
    </EmailLayout>
  )
}

const styles = {
  tips: { backgroundColor: '#eff6ff', borderRadius: '6px', padding: '8px 20px', margin: '8px 0 16px' },
  tipsTitle: { color: '#1e3a8a', fontSize: '16px', fontWeight: 700, margin: '12px 0 8px' },
  tip: { color: '#27272a', fontSize: '15px', lineHeight: '24px', margin: '0 0 10px' },
} as const
