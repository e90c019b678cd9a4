import { subscriptionCanceledSamples } from '~/events/billing'
import { formatEmailDate } from './components/dates'
import { EmailLayout } from './components/layout'
import { CallToAction, Paragraph } from './components/parts'
import { planDisplay } from './components/plan'
import { definePreviewProps } from './components/preview'
import type { EmailProps, EventInput } from './types'

export interface SubscriptionCanceledEmailProps extends EmailProps {
  ownerName: string
  organizationName: string
  /** The plan's translated name; null for a price /pricing does not sell. */
  planName: string | null
  /** When the subscription ended, formatted; null when Stripe did not say. */
  endedDate: string | null
  pricingUrl: string
}

export const subject = ({ t, organizationName, planName }: SubscriptionCanceledEmailProps) =>
  planName ? t('subscriptionCanceled.subject', { plan: planName, organization: organizationName }) : t('subscriptionCanceled.subjectNoPlan', { organization: organizationName })
export const previewText = ({ t }: SubscriptionCanceledEmailProps) => t('subscriptionCanceled.preview')
/** One line for people browsing templates (the studio). */
export const description = "Tells the organization's owner that its subscription has ended (cancelled in the portal, or by Stripe after failed payments)."

/** Sent to the organization's owner when Stripe reports the subscription deleted. */
export function SubscriptionCanceledEmail(props: SubscriptionCanceledEmailProps) {
  const { t, locale, ownerName, organizationName, planName, endedDate, pricingUrl } = props
  return (
    <EmailLayout subject={subject(props)} t={t} locale={locale} previewText={previewText(props)} heading={t('subscriptionCanceled.heading')} recipientName={ownerName}>
      <Paragraph>
        {!planName
          ? t('subscriptionCanceled.bodyNoPlan', { organization: organizationName })
          : endedDate
            ? t('subscriptionCanceled.body', { plan: planName, organization: organizationName, date: endedDate })
            : t('subscriptionCanceled.bodyNoDate', { plan: planName, organization: organizationName })}
      </Paragraph>
      <Paragraph>{t('subscriptionCanceled.data')}</Paragraph>
      <CallToAction href={pricingUrl} label={t('subscriptionCanceled.cta')} linkHelp={t('common.linkHelp')} />
    </EmailLayout>
  )
}

/** Props from Stripe's facts (when it ended) and what the step read (owner, organization, plan). */
export function fromEvent({ data, context, locale, appUrl, t }: EventInput<'stripe/subscription.canceled'>): SubscriptionCanceledEmailProps {
  return {
    t,
    locale,
    ownerName: context.ownerName,
    organizationName: context.organizationName,
    planName: context.plan ? planDisplay(context.plan, t, locale).name : null,
    endedDate: data.endedAt ? formatEmailDate(data.endedAt, locale) : null,
    pricingUrl: new URL('/pricing', appUrl).href,
  }
}

definePreviewProps(SubscriptionCanceledEmail, fromEvent, subscriptionCanceledSamples['pro-fr'], 'fr')

export default SubscriptionCanceledEmail
