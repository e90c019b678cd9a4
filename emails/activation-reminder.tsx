import { userRegisteredSamples } from '~/events/user-registered'
import { accountFrame, EmailLayout } from './components/layout'
import { CallToAction, Paragraph } from './components/parts'
import { definePreviewProps } from './components/preview'
import type { AccountEmailProps, EventInput } from './types'

export interface ActivationReminderEmailProps extends AccountEmailProps {
  confirmUrl: string
}

export const subject = ({ t, userName }: ActivationReminderEmailProps) => t('activationReminder.subject', { name: userName })
export const previewText = ({ t }: ActivationReminderEmailProps) => t('activationReminder.preview')
/** One line for people browsing templates (the studio). */
export const description = 'Sent once, 48 hours after signup (ACTIVATION_REMINDER_DELAY), to a user who has not confirmed their address; a fresh 7-day link.'

/** The one reminder to confirm an address, with a fresh link. */
export function ActivationReminderEmail(props: ActivationReminderEmailProps) {
  const { t, confirmUrl } = props
  return (
    <EmailLayout subject={subject(props)} {...accountFrame(props, 'activationReminder')}>
      <Paragraph>{t('activationReminder.body')}</Paragraph>
      <CallToAction href={confirmUrl} label={t('activationReminder.cta')} linkHelp={t('common.linkHelp')} />
      <Paragraph muted>{t('activationReminder.expiry')}</Paragraph>
      <Paragraph muted>{t('activationReminder.ignore')}</Paragraph>
    </EmailLayout>
  )
}

/** Props from what the step read: the user's name and the link it issued (the dashboard if none, which a real run never sends). */
export function fromEvent({ context, locale, appUrl, t }: EventInput<'user/registered'>): ActivationReminderEmailProps {
  return {
    t,
    locale,
    userName: context.userName,
    confirmUrl: new URL(context.confirmPath ?? '/dashboard', appUrl).href,
  }
}

definePreviewProps(ActivationReminderEmail, fromEvent, userRegisteredSamples['new-user-en'], 'en')

export default ActivationReminderEmail
