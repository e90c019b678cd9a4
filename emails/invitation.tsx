import type { EmailT } from '~/email/i18n.server'
import { EmailLayout } from './components/layout'
import { CallToAction, Paragraph, Signature, Title } from './components/parts'

export interface InvitationEmailProps {
  t: EmailT
  locale: 'fr' | 'en' | 'es'
  inviterName: string
  organizationName: string
  acceptUrl: string
  /** Already formatted for the locale. */
  expiryDate: string
}

export const subject = ({ t, inviterName, organizationName }: InvitationEmailProps) =>
  t('invitation.subject', { inviterName, organization: organizationName })
export const previewText = ({ t }: InvitationEmailProps) => t('invitation.preview')

/** Sent to someone an organization's owner invited; the recipient may have no account yet. */
export function InvitationEmail(props: InvitationEmailProps) {
  const { t, locale, inviterName, organizationName, acceptUrl, expiryDate } = props
  return (
    <EmailLayout
      t={t}
      locale={locale}
      previewText={previewText(props)}
      footer={t('common.footerInvitation', { inviterName, organization: organizationName })}
    >
      <Title>{t('invitation.heading', { organization: organizationName })}</Title>
      <Paragraph>{t('common.greetingNoName')}</Paragraph>
      <Paragraph>{t('invitation.body', { inviterName, organization: organizationName })}</Paragraph>
      <CallToAction href={acceptUrl} label={t('invitation.cta')} linkHelp={t('common.linkHelp')} />
      <Paragraph muted>{t('invitation.expiry', { date: expiryDate })}</Paragraph>
      <Paragraph muted>{t('invitation.ignore')}</Paragraph>
      <Signature>{t('common.signature')}</Signature>
    </EmailLayout>
  )
}
