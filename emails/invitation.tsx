import { invitationCreatedSamples } from '~/events/invitation-created'
import { formatEmailDate } from './components/dates'
import { EmailLayout } from './components/layout'
import { CallToAction, Paragraph } from './components/parts'
import { definePreviewProps } from './components/preview'
import type { EmailProps, EventInput } from './types'

export interface InvitationEmailProps extends EmailProps {
  inviterName: string
  organizationName: string
  acceptUrl: string
  /** Already formatted for the locale. */
  expiryDate: string
}

export const subject = ({ t, inviterName, organizationName }: InvitationEmailProps) => t('invitation.subject', { inviterName, organization: organizationName })
export const previewText = ({ t }: InvitationEmailProps) => t('invitation.preview')
/** One line for people browsing templates (the studio). */
export const description = 'Invites someone to an organization; the accept link is derived from the invitation id.'

/** Sent to someone an organization's owner invited; the recipient may have no account yet. */
export function InvitationEmail(props: InvitationEmailProps) {
  const { t, locale, inviterName, organizationName, acceptUrl, expiryDate } = props
  return (
    <EmailLayout
      subject={subject(props)}
      t={t}
      locale={locale}
      previewText={previewText(props)}
      heading={t('invitation.heading', { organization: organizationName })}
      footer={t('common.footerInvitation', { inviterName, organization: organizationName })}
    >
      <Paragraph>{t('invitation.body', { inviterName, organization: organizationName })}</Paragraph>
      <CallToAction href={acceptUrl} label={t('invitation.cta')} linkHelp={t('common.linkHelp')} />
      <Paragraph muted>{t('invitation.expiry', { date: expiryDate })}</Paragraph>
      <Paragraph muted>{t('invitation.ignore')}</Paragraph>
    </EmailLayout>
  )
}

/** Props from what the step read: the invitation's organization, inviter, expiry and accept link. */
export function fromEvent({ context, locale, appUrl, t }: EventInput<'organization/invitation.created'>): InvitationEmailProps {
  const { inviterName, organizationName, acceptPath, expiresAt } = context
  return { t, locale, inviterName, organizationName, acceptUrl: new URL(acceptPath, appUrl).href, expiryDate: formatEmailDate(expiresAt, locale) }
}

definePreviewProps(InvitationEmail, fromEvent, invitationCreatedSamples['invite-fr'], 'fr')

export default InvitationEmail
