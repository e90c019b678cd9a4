import { formatMoney } from '~/billing/plans'
import { paymentFailedSamples } from '~/events/billing'
import { formatEmailDate } from './components/dates'
import { EmailLayout } from './components/layout'
import { CallToAction, Paragraph } from './components/parts'
import { planDisplay } from './components/plan'
import { definePreviewProps } from './components/preview'
import type { EmailProps, EventInput } from './types'

export interface PaymentFailedEmailProps extends EmailProps {
  ownerName: string
  organizationName: string
  /** The plan's translated name; null for a price /pricing does not sell. */
  planName: string | null
  /** What Stripe could not take, formatted for the reader ("29,00 €"). */
  amount: string
  /** When Stripe tries again, formatted; null when it will not. */
  nextAttemptDate: string | null
  /** /billing/portal: opens Stripe's portal, where the card is updated. */
  portalUrl: string
}

export const subject = ({ t, organizationName }: PaymentFailedEmailProps) => t('paymentFailed.subject', { organization: organizationName })
export const previewText = ({ t }: PaymentFailedEmailProps) => t('paymentFailed.preview')
/** One line for people browsing templates (the studio). */
export const description = 'Dunning: a subscription payment failed; the amount, when Stripe retries, and a link to update the card in the portal.'

/** Sent to the organization's owner when Stripe could not collect an invoice of its subscription. */
export function PaymentFailedEmail(props: PaymentFailedEmailProps) {
  const { t, locale, ownerName, organizationName, planName, amount, nextAttemptDate, portalUrl } = props
  return (
    <EmailLayout subject={subject(props)} t={t} locale={locale} previewText={previewText(props)} heading={t('paymentFailed.heading')} recipientName={ownerName}>
      <Paragraph>
        {planName ? t('paymentFailed.body', { amount, plan: planName, organization: organizationName }) : t('paymentFailed.bodyNoPlan', { amount, organization: organizationName })}
      </Paragraph>
      <Paragraph>{nextAttemptDate ? t('paymentFailed.retry', { date: nextAttemptDate }) : t('paymentFailed.noRetry')}</Paragraph>
      <CallToAction href={portalUrl} label={t('paymentFailed.cta')} linkHelp={t('common.linkHelp')} />
    </EmailLayout>
  )
}

/** Props from Stripe's facts (amount, next attempt) and what the step read (owner, organization, plan). */
export function fromEvent({ data, context, locale, appUrl, t }: EventInput<'stripe/invoice.payment-failed'>): PaymentFailedEmailProps {
  return {
    t,
    locale,
    ownerName: context.ownerName,
    organizationName: context.organizationName,
    planName: context.plan ? planDisplay(context.plan, t, locale).name : null,
    amount: formatMoney(data.amountDue, data.currency, locale),
    nextAttemptDate: data.nextPaymentAttempt ? formatEmailDate(data.nextPaymentAttempt, locale) : null,
    portalUrl: new URL('/billing/portal', appUrl).href,
  }
}

definePreviewProps(PaymentFailedEmail, fromEvent, paymentFailedSamples['pro-es'], 'es')

export default PaymentFailedEmail
