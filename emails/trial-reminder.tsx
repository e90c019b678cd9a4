import { trialReminderSamples } from '~/events/trial-reminder'
import { formatEmailDate } from './components/dates'
import { EmailLayout } from './components/layout'
import { CallToAction, Paragraph } from './components/parts'
import { planDisplay, type PlanDisplay } from './components/plan'
import { definePreviewProps } from './components/preview'
import type { EmailProps, EventInput } from './types'

export interface TrialReminderEmailProps extends EmailProps {
  ownerName: string
  organizationName: string
  /** Already formatted for the locale; null when Stripe gave no trial end. */
  trialEndDate: string | null
  /** The plan and its price; null for a price /pricing does not sell. */
  plan: PlanDisplay | null
  billingUrl: string
}

export const subject = ({ t, organizationName, trialEndDate }: TrialReminderEmailProps) =>
  trialEndDate
    ? t('trialReminder.subject', {
        organization: organizationName,
        date: trialEndDate,
      })
    : t('trialReminder.subjectNoDate', { organization: organizationName })
export const previewText = ({ t }: TrialReminderEmailProps) => t('trialReminder.preview')
/** One line for people browsing templates (the studio). */
export const description = "Reminds an organization's owner that the trial ends soon, with the plan and its price; skipped when no longer trialing."

/** Sent to an organization's owner while its subscription is still trialing. */
export function TrialReminderEmail(props: TrialReminderEmailProps) {
  const { t, locale, ownerName, organizationName, trialEndDate, plan, billingUrl } = props
  return (
    <EmailLayout subject={subject(props)} t={t} locale={locale} previewText={previewText(props)} heading={t('trialReminder.heading')} recipientName={ownerName}>
      <Paragraph>
        {plan
          ? trialEndDate
            ? t('trialReminder.bodyWithPlan', {
                organization: organizationName,
                date: trialEndDate,
                plan: plan.name,
                price: plan.price,
              })
            : t('trialReminder.bodyWithPlanNoDate', {
                organization: organizationName,
                plan: plan.name,
                price: plan.price,
              })
          : trialEndDate
            ? t('trialReminder.body', {
                organization: organizationName,
                date: trialEndDate,
              })
            : t('trialReminder.bodyNoDate', { organization: organizationName })}
      </Paragraph>
      <Paragraph>{t('trialReminder.advice')}</Paragraph>
      <CallToAction href={billingUrl} label={t('trialReminder.cta')} linkHelp={t('common.linkHelp')} />
    </EmailLayout>
  )
}

/** Props from the event and what the step read: the owner, the organization, the trial's end and the plan. */
export function fromEvent({ context, locale, appUrl, t }: EventInput<'trial/reminder'>): TrialReminderEmailProps {
  const { ownerName, organizationName, trialEnd, plan } = context
  const trialEndDate = trialEnd ? formatEmailDate(trialEnd, locale) : null
  return {
    t,
    locale,
    ownerName,
    organizationName,
    trialEndDate,
    plan: plan ? planDisplay(plan, t, locale) : null,
    billingUrl: new URL('/billing/portal', appUrl).href,
  }
}

definePreviewProps(TrialReminderEmail, fromEvent, trialReminderSamples['pro-trial'], 'en')

export default TrialReminderEmail
