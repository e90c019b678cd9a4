import { Section } from '@react-email/section'
import { Text } from '@react-email/text'
import { userRegisteredSamples } from '~/events/user-registered'
import { formatEmailDate } from './components/dates'
import { EmailLayout } from './components/layout'
import { CallToAction, List, Paragraph, SectionTitle } from './components/parts'
import { definePreviewProps } from './components/preview'
import { colors, radius, space, text } from './theme'
import type { EmailProps, EventInput } from './types'

/** Where the user stands a week in: on a trial (until when), paying, or without a subscription. */
export type DaySevenState =
  { kind: 'trial'; organizationName: string; trialEndDate: string; daysLeft: number } | { kind: 'subscribed'; organizationName: string } | { kind: 'no-subscription' }

export interface OnboardingDay7EmailProps extends EmailProps {
  userName: string
  state: DaySevenState
  dashboardUrl: string
  /** Where a trial starts (the no-subscription call to action). */
  pricingUrl: string
}

const SECTION = { trial: 'trial', subscribed: 'subscribed', 'no-subscription': 'noSubscription' } as const

const valuesOf = (state: DaySevenState): Record<string, string> =>
  state.kind === 'trial' ? { organization: state.organizationName, date: state.trialEndDate } : state.kind === 'subscribed' ? { organization: state.organizationName } : {}

export const subject = ({ t, state }: OnboardingDay7EmailProps) => t(`onboardingDay7.${SECTION[state.kind]}.subject`, valuesOf(state))
export const previewText = ({ t, state }: OnboardingDay7EmailProps) => t(`onboardingDay7.${SECTION[state.kind]}.preview`, valuesOf(state))
/** One line for people browsing templates (the studio). */
export const description = 'Onboarding D+7: on a trial, its end date and what to do before; paying, what to try next; no subscription, how to start a trial.'

const tips = ['onboardingDay7.tip1', 'onboardingDay7.tip2', 'onboardingDay7.tip3'] as const

/** A week after signup: where their subscription stands (read fresh in the step), and three things worth doing this week. */
export function OnboardingDay7Email(props: OnboardingDay7EmailProps) {
  const { t, locale, userName, state, dashboardUrl, pricingUrl } = props
  const section = SECTION[state.kind]
  const values = valuesOf(state)
  return (
    <EmailLayout subject={subject(props)} t={t} locale={locale} previewText={previewText(props)} heading={t(`onboardingDay7.${section}.heading`, values)} recipientName={userName}>
      <Paragraph>{t(`onboardingDay7.${section}.intro`, values)}</Paragraph>
      {state.kind === 'trial' ? (
        <Section style={styles.box} data-testid="trial-end">
          <Text style={styles.boxLabel}>{t('onboardingDay7.trial.endsLabel')}</Text>
          <Text style={styles.boxValue}>{state.trialEndDate}</Text>
        </Section>
      ) : null}
      <Section style={styles.tips}>
        <SectionTitle color={colors.highlightHeading}>{t('onboardingDay7.tipsTitle')}</SectionTitle>
        <List ordered items={tips.map((key) => t(key))} />
      </Section>
      <CallToAction href={state.kind === 'no-subscription' ? pricingUrl : dashboardUrl} label={t(`onboardingDay7.${section}.cta`)} linkHelp={t('common.linkHelp')} />
      <Paragraph muted>{t(`onboardingDay7.${section}.closing`, values)}</Paragraph>
    </EmailLayout>
  )
}

const DAY = 24 * 60 * 60 * 1000

/**
 * Props from what the step read: the subscription of the user's first organization (null: none). A
 * trial with no end date, or one already over, reads as "no subscription" rather than a wrong date.
 */
export function fromEvent({ context, locale, appUrl, t }: EventInput<'user/registered'>): OnboardingDay7EmailProps {
  const subscription = context.subscription
  const now = Date.now()
  let state: DaySevenState = { kind: 'no-subscription' }
  if (subscription?.status === 'trialing' && subscription.trialEnd && Date.parse(subscription.trialEnd) > now) {
    const daysLeft = Math.max(1, Math.ceil((Date.parse(subscription.trialEnd) - now) / DAY))
    state = { kind: 'trial', organizationName: subscription.organizationName, trialEndDate: formatEmailDate(subscription.trialEnd, locale), daysLeft }
  } else if (subscription && ['active', 'past_due'].includes(subscription.status)) {
    state = { kind: 'subscribed', organizationName: subscription.organizationName }
  }
  return { t, locale, userName: context.userName, state, dashboardUrl: new URL('/dashboard', appUrl).href, pricingUrl: new URL('/pricing', appUrl).href }
}

definePreviewProps(OnboardingDay7Email, fromEvent, userRegisteredSamples['day-7-trial-en'], 'en')

export default OnboardingDay7Email

const styles = {
  box: { border: `1px solid ${colors.border}`, borderRadius: radius.box, padding: `${space[2]} ${space[5]}`, margin: `${space[2]} 0 ${space[4]}` },
  boxLabel: { color: colors.subtle, ...text.small, margin: `${space[2]} 0 0` },
  boxValue: { color: colors.heading, ...text.boxTitle, margin: `0 0 ${space[2]}` },
  tips: { backgroundColor: colors.highlight, borderRadius: radius.box, padding: `${space[2]} ${space[5]}`, margin: `${space[2]} 0 ${space[4]}` },
} as const
