import { Column } from '@react-email/column'
import { Row } from '@react-email/row'
import { Section } from '@react-email/section'
import { Text } from '@react-email/text'
import { subscriptionCreatedSamples } from '~/events/subscription-created'
import { formatEmailDate } from './components/dates'
import { EmailLayout } from './components/layout'
import { CallToAction, Paragraph } from './components/parts'
import { previewProps } from './components/preview'
import { colors, fontWeight, radius, space, text } from './theme'
import type { EmailKey, EmailProps, EventInput } from './types'

export interface SubscriptionCreatedEmailProps extends EmailProps {
  /** Null when Stripe did not give the customer's name. */
  customerName: string | null
  planName: string | null
  /** Already translated (see `subscriptionCreated.status.*`). */
  statusLabel: string
  isTrial: boolean
  /** Already formatted for the locale; null without a trial. */
  trialEndDate: string | null
  subscriptionId: string
  manageUrl: string
}

export const subject = ({ t, planName }: SubscriptionCreatedEmailProps) =>
  planName ? t('subscriptionCreated.subject', { plan: planName }) : t('subscriptionCreated.subjectNoPlan')
export const previewText = ({ t }: SubscriptionCreatedEmailProps) => t('subscriptionCreated.preview')
/** One line for people browsing templates (the studio). */
export const description = 'Confirms a new Stripe subscription, with its trial end when there is one.'

/** Confirmation sent when Stripe reports a new subscription (with or without a trial). */
export function SubscriptionCreatedEmail(props: SubscriptionCreatedEmailProps) {
  const { t, locale, customerName, planName, statusLabel, isTrial, trialEndDate, subscriptionId, manageUrl } = props
  const rows: Array<[string, string]> = [
    ...(planName ? [[t('subscriptionCreated.planLabel'), planName] as [string, string]] : []),
    [t('subscriptionCreated.statusLabel'), statusLabel],
    ...(trialEndDate ? [[t('subscriptionCreated.trialEndLabel'), trialEndDate] as [string, string]] : []),
    [t('subscriptionCreated.referenceLabel'), subscriptionId],
  ]
  return (
    <EmailLayout t={t} locale={locale} previewText={previewText(props)} heading={t('subscriptionCreated.heading')} recipientName={customerName}>
      <Paragraph>
        {planName ? t('subscriptionCreated.intro', { plan: planName }) : t('subscriptionCreated.introNoPlan')}{' '}
        {isTrial && trialEndDate ? t('subscriptionCreated.trial', { date: trialEndDate }) : t('subscriptionCreated.active')}
      </Paragraph>
      <Section style={styles.summary}>
        <Text style={styles.summaryTitle}>{t('subscriptionCreated.summaryTitle')}</Text>
        {rows.map(([label, value]) => (
          <Row key={label} data-text-table>
            <Column style={styles.label}>{label}</Column>
            <Column style={styles.value}>{value}</Column>
          </Row>
        ))}
      </Section>
      <CallToAction href={manageUrl} label={t('subscriptionCreated.cta')} linkHelp={t('common.linkHelp')} />
    </EmailLayout>
  )
}

const STRIPE_STATUSES = ['trialing', 'active', 'incomplete', 'incomplete_expired', 'past_due', 'canceled', 'unpaid', 'paused'] as const
/** The key of a Stripe status's label; a status Stripe adds later reads "unknown". */
function statusKey(status: string): EmailKey {
  const known = (STRIPE_STATUSES as readonly string[]).includes(status) ? status : 'unknown'
  return `subscriptionCreated.status.${known}` as EmailKey
}

/** Props from the event: the subscription as Stripe reported it (no step reads anything more). */
export function fromEvent({ data, locale, appUrl, t }: EventInput<'stripe/subscription.created'>): SubscriptionCreatedEmailProps {
  return {
    t,
    locale,
    customerName: data.customerName,
    planName: data.planName,
    statusLabel: t(statusKey(data.status)),
    isTrial: data.status === 'trialing',
    trialEndDate: data.trialEnd ? formatEmailDate(data.trialEnd, locale) : null,
    subscriptionId: data.subscriptionId,
    manageUrl: new URL('/dashboard', appUrl).href,
  }
}

SubscriptionCreatedEmail.PreviewProps = previewProps(fromEvent, subscriptionCreatedSamples['trial-team-en'], 'en')

export default SubscriptionCreatedEmail

const styles = {
  summary: {
    border: `1px solid ${colors.border}`,
    borderRadius: radius.box,
    padding: `${space[1]} ${space[5]} ${space[3]}`,
    margin: `${space[2]} 0 ${space[4]}`,
  },
  summaryTitle: { color: colors.heading, ...text.boxTitle, margin: `${space[3]} 0 ${space[2]}` },
  label: { color: colors.subtle, ...text.table, width: '45%', verticalAlign: 'top' },
  value: { color: colors.heading, ...text.table, fontWeight: fontWeight.semibold },
} as const
