import type { EmailT } from '~/email/i18n.server'
import { EmailLayout } from './components/layout'
import { CallToAction, Paragraph, Signature, Title } from './components/parts'

export interface TrialReminderEmailProps {
  t: EmailT
  locale: 'fr' | 'en' | 'es'
  ownerName: string
  organizationName: string
  /** Already formatted for the locale; null when Stripe gave no trial end. */
  trialEndDate: string | null
  billingUrl: string
}

export const subject = ({ t, organizationName, trialEndDate }: TrialReminderEmailProps) =>
  trialEndDate
    ? t('trialReminder.subject', { organization: organizationName, date: trialEndDate })
    : t('trialReminder.subjectNoDate', { organization: organizationName })
export const previewText = ({ t }: TrialReminderEmailProps) => t('trialReminder.preview')

/** Sent to an organization's owner while its subscription is still trialing. */
export function TrialReminderEmail(props: TrialReminderEmailProps) {
  const { t, locale, ownerName, organizationName, trialEndDate, billingUrl } = props
  return (
    <EmailLayout t={t} locale={locale} previewText={previewText(props)} footer={t('common.footerAccount')}>
      <Title>{t('trialReminder.heading')}</Title>
      <Paragraph>{t('common.greeting', { name: ownerName })}</Paragraph>
      <Paragraph>
        {trialEndDate
          ? t('trialReminder.body', { organization: organizationName, date: trialEndDate })
          : t('trialReminder.bodyNoDate', { organization: organizationName })}
      </Paragraph>
      <Paragraph>{t('trialReminder.advice')}</Paragraph>
      <CallToAction href={billingUrl} label={t('trialReminder.cta')} linkHelp={t('common.linkHelp')} />
      <Signature>{t('common.signature')}</Signature>
    </EmailLayout>
  )
}
