import { Column } from '@react-email/column'
import { Row } from '@react-email/row'
import { Section } from '@react-email/section'
import { subscriptionCreatedSamples } from '~/events/subscription-created'
import { formatEmailDate } from './components/dates'
import { EmailLayout } from './components/layout'
import { CallToAction, List, Paragraph, SectionTitle } from './components/parts'
import { planDisplay, type PlanDisplay } from './components/plan'
import { definePreviewProps } from './components/preview'
import { colors, fontWeight, radius, space, text } from './theme'
import type { EmailKey, EmailProps, EventInput } from './types'

export interface SubscriptionCreatedEmailProps extends EmailProps {
  /** Null when Stripe did not give the customer's name. */
  customerName: string | null
  /** The plan /pricing sold, with its price; null for a price made elsewhere (then `planName` is Stripe's). */
  plan: PlanDisplay | null
  planName: string | null
  /** Already translated (see `subscriptionCreated.status.*`). */
  statusLabel: string
  /** Already formatted for the locale; only when the trial is still ahead at sending. */
  trialEndDate: string | null
  /** Already formatted: the first payment, the trial's end or the subscription's start; null when unknown. */
  firstChargeDate: string | null
  subscriptionId: string
  manageUrl: string
}

export const subject = ({ t, plan, planName }: SubscriptionCreatedEmailProps) => {
  const name = plan?.name ?? planName
  return name ? t('subscriptionCreated.subject', { plan: name }) : t('subscriptionCreated.subjectNoPlan')
}
export const previewText = ({ t }: SubscriptionCreatedEmailProps) => t('subscriptionCreated.preview')
/** One line for people browsing templates (the studio). */
export const description = "Confirms a new subscription: plan, price and interval in the reader's format, trial end or first payment, what the plan includes."

/** Confirmation sent when Stripe reports a new subscription (with or without a trial). */
export function SubscriptionCreatedEmail(props: SubscriptionCreatedEmailProps) {
  const { t, locale, customerName, plan, statusLabel, trialEndDate, firstChargeDate, subscriptionId, manageUrl } = props
  const name = plan?.name ?? props.planName
  const rows: Array<[string, string]> = [
    ...(name ? [[t('subscriptionCreated.planLabel'), name] as [string, string]] : []),
    ...(plan ? [[t('subscriptionCreated.priceLabel'), plan.price] as [string, string]] : []),
    [t('subscriptionCreated.statusLabel'), statusLabel],
    ...(trialEndDate ? [[t('subscriptionCreated.trialEndLabel'), trialEndDate] as [string, string]] : []),
    ...(firstChargeDate ? [[t('subscriptionCreated.firstChargeLabel'), firstChargeDate] as [string, string]] : []),
    [t('subscriptionCreated.referenceLabel'), subscriptionId],
  ]
  return (
    <EmailLayout subject={subject(props)} t={t} locale={locale} previewText={previewText(props)} heading={t('subscriptionCreated.heading')} recipientName={customerName}>
      <Paragraph>{name ? t('subscriptionCreated.intro', { plan: name }) : t('subscriptionCreated.introNoPlan')}</Paragraph>
      <Paragraph>{nextStep(props)}</Paragraph>
      <Section style={styles.summary}>
        <SectionTitle>{t('subscriptionCreated.summaryTitle')}</SectionTitle>
        {rows.map(([label, value]) => (
          <Row key={label} data-text-table>
            <Column style={styles.label}>{label}</Column>
            <Column style={styles.value}>{value}</Column>
          </Row>
        ))}
      </Section>
      {plan ? (
        <Section style={styles.includes}>
          <SectionTitle>{t('subscriptionCreated.includesTitle')}</SectionTitle>
          <List items={plan.features} />
        </Section>
      ) : null}
      <CallToAction href={manageUrl} label={t('subscriptionCreated.cta')} linkHelp={t('common.linkHelp')} />
    </EmailLayout>
  )
}

/** What happens next: a trial still ahead ends on its date; otherwise the first payment, when known. */
function nextStep({ t, plan, trialEndDate, firstChargeDate }: SubscriptionCreatedEmailProps) {
  if (trialEndDate)
    return plan
      ? t('subscriptionCreated.trialWithPrice', {
          date: trialEndDate,
          price: plan.price,
        })
      : t('subscriptionCreated.trial', { date: trialEndDate })
  if (plan && firstChargeDate)
    return t('subscriptionCreated.activeWithPrice', {
      date: firstChargeDate,
      price: plan.price,
    })
  return t('subscriptionCreated.activeNoDate')
}

const STRIPE_STATUSES = ['trialing', 'active', 'incomplete', 'incomplete_expired', 'past_due', 'canceled', 'unpaid', 'paused'] as const
/** The key of a Stripe status's label; a status Stripe adds later reads "unknown". */
function statusKey(status: string): EmailKey {
  const known = (STRIPE_STATUSES as readonly string[]).includes(status) ? status : 'unknown'
  return `subscriptionCreated.status.${known}` as EmailKey
}

/** Props from the event (Stripe's facts) and what the step read: the plan's price, the trial end if still ahead. */
export function fromEvent({ data, context, locale, appUrl, t }: EventInput<'stripe/subscription.created'>): SubscriptionCreatedEmailProps {
  return {
    t,
    locale,
    customerName: data.customerName,
    plan: context.plan ? planDisplay(context.plan, t, locale) : null,
    planName: data.planName,
    statusLabel: t(statusKey(data.status)),
    trialEndDate: context.trialEnd ? formatEmailDate(context.trialEnd, locale) : null,
    firstChargeDate: context.firstChargeAt ? formatEmailDate(context.firstChargeAt, locale) : null,
    subscriptionId: data.subscriptionId,
    manageUrl: new URL('/billing/portal', appUrl).href,
  }
}

definePreviewProps(SubscriptionCreatedEmail, fromEvent, subscriptionCreatedSamples['trial-pro-fr'], 'en')

export default SubscriptionCreatedEmail

const styles = {
  summary: {
    border: `1px solid ${colors.border}`,
    borderRadius: radius.box,
    padding: `${space[1]} ${space[5]} ${space[3]}`,
    margin: `${space[2]} 0 ${space[4]}`,
  },
  includes: { margin: `0 0 ${space[4]}` },
  label: {
    color: colors.subtle,
    ...text.table,
    width: '45%',
    verticalAlign: 'top',
  },
  value: {
    color: colors.heading,
    ...text.table,
    fontWeight: fontWeight.semibold,
  },
} as const
