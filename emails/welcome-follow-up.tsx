import { Section } from '@react-email/section'
import { userRegisteredSamples } from '~/events/user-registered'
import { EmailLayout } from './components/layout'
import { CallToAction, List, Paragraph, SectionTitle } from './components/parts'
import { colors, radius, space } from './theme'
import { definePreviewProps } from './components/preview'
import { userEmailFromEvent } from './components/user-email'
import type { UserEmailProps } from './types'

export type WelcomeFollowUpEmailProps = UserEmailProps

export const subject = ({ t, userName }: WelcomeFollowUpEmailProps) => t('welcomeFollowUp.subject', { name: userName })
export const previewText = ({ t }: WelcomeFollowUpEmailProps) => t('welcomeFollowUp.preview')
/** One line for people browsing templates (the studio). */
export const description = '24 hours after signup: how it is going, tips to get started, a way back to the dashboard.'

const tips = ['welcomeFollowUp.tip1', 'welcomeFollowUp.tip2', 'welcomeFollowUp.tip3'] as const

/** Sent 24 hours after signup: how it is going, a way back to the dashboard, tips to get started. */
export function WelcomeFollowUpEmail(props: WelcomeFollowUpEmailProps) {
  const { t, locale, userName, dashboardUrl } = props
  return (
    <EmailLayout subject={subject(props)} t={t} locale={locale} previewText={previewText(props)} heading={t('welcomeFollowUp.heading')} recipientName={userName}>
      <Paragraph>{t('welcomeFollowUp.intro')}</Paragraph>
      <Section style={styles.tips}>
        <SectionTitle color={colors.highlightHeading}>{t('welcomeFollowUp.tipsTitle')}</SectionTitle>
        <List ordered items={tips.map((key) => t(key))} />
      </Section>
      <CallToAction href={dashboardUrl} label={t('welcomeFollowUp.cta')} linkHelp={t('common.linkHelp')} />
      <Paragraph>{t('welcomeFollowUp.closing')}</Paragraph>
    </EmailLayout>
  )
}

export const fromEvent = userEmailFromEvent

definePreviewProps(WelcomeFollowUpEmail, fromEvent, userRegisteredSamples['new-user-es-long-name'], 'es')

export default WelcomeFollowUpEmail

const styles = {
  tips: { backgroundColor: colors.highlight, borderRadius: radius.box, padding: `${space[2]} ${space[5]}`, margin: `${space[2]} 0 ${space[4]}` },
} as const
