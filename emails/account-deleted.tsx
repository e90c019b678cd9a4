import { userDeletedSamples } from '~/events/user-deleted'
import { EmailLayout } from './components/layout'
import { CallToAction, Paragraph } from './components/parts'
import { definePreviewProps } from './components/preview'
import type { AccountEmailProps, EventInput } from './types'

export interface AccountDeletedEmailProps extends AccountEmailProps {
  signupUrl: string
}

export const subject = ({ t }: AccountDeletedEmailProps) => t('accountDeleted.subject')
export const previewText = ({ t }: AccountDeletedEmailProps) => t('accountDeleted.preview')
/** One line for people browsing templates (the studio). */
export const description = 'Confirms an account deletion: what was removed, what the law makes us keep, and that nothing more will be sent.'

/** The last email an account gets: it is gone, what was kept and why, and the way back if they want one. */
export function AccountDeletedEmail(props: AccountDeletedEmailProps) {
  const { t, locale, userName, signupUrl } = props
  return (
    <EmailLayout
      subject={subject(props)}
      t={t}
      locale={locale}
      previewText={previewText(props)}
      heading={t('accountDeleted.heading')}
      recipientName={userName}
      footer={t('accountDeleted.footer')}
    >
      <Paragraph>{t('accountDeleted.body')}</Paragraph>
      <Paragraph>{t('accountDeleted.kept')}</Paragraph>
      <Paragraph>{t('accountDeleted.noMore')}</Paragraph>
      <Paragraph muted>{t('accountDeleted.notYou')}</Paragraph>
      <CallToAction href={signupUrl} label={t('accountDeleted.cta')} linkHelp={t('common.linkHelp')} />
    </EmailLayout>
  )
}

/** Props from what the step read in the deletion's notice row: the name the account had. */
export function fromEvent({ context, locale, appUrl, t }: EventInput<'user/deleted'>): AccountDeletedEmailProps {
  return { t, locale, userName: context.userName, signupUrl: new URL('/signup', appUrl).href }
}

definePreviewProps(AccountDeletedEmail, fromEvent, userDeletedSamples['deleted-en'], 'en')

export default AccountDeletedEmail
