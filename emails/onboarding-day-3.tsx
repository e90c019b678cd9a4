import { userRegisteredSamples } from '~/events/user-registered'
import { EmailLayout } from './components/layout'
import { CallToAction, Paragraph } from './components/parts'
import { definePreviewProps } from './components/preview'
import type { EmailProps, EventInput } from './types'

/** Where the user stands three days in: no organization yet, an organization they could grow, or a team they joined. */
export type DayThreeState =
  { kind: 'no-organization' } | { kind: 'owner'; organizationName: string; members: number } | { kind: 'member'; organizationName: string; members: number }

export interface OnboardingDay3EmailProps extends EmailProps {
  userName: string
  state: DayThreeState
  dashboardUrl: string
}

export const subject = ({ t, state }: OnboardingDay3EmailProps) =>
  state.kind === 'no-organization' ? t('onboardingDay3.noOrganization.subject') : t('onboardingDay3.withOrganization.subject', { organization: state.organizationName })
export const previewText = ({ t, state }: OnboardingDay3EmailProps) =>
  t(state.kind === 'no-organization' ? 'onboardingDay3.noOrganization.preview' : state.kind === 'owner' ? 'onboardingDay3.owner.preview' : 'onboardingDay3.member.preview')
/** One line for people browsing templates (the studio). */
export const description = 'Onboarding D+3: start an organization if they have none, invite the team if they own one, make the most of it if they joined one.'

/** Three days after signup: the next step that matters for where the user stands (read fresh in the step). */
export function OnboardingDay3Email(props: OnboardingDay3EmailProps) {
  const { t, locale, userName, state, dashboardUrl } = props
  const section = state.kind === 'no-organization' ? 'noOrganization' : state.kind
  const values: Record<string, string> = state.kind === 'no-organization' ? {} : { organization: state.organizationName }
  return (
    <EmailLayout subject={subject(props)} t={t} locale={locale} previewText={previewText(props)} heading={t(`onboardingDay3.${section}.heading`, values)} recipientName={userName}>
      <Paragraph>{t(`onboardingDay3.${section}.intro`, values)}</Paragraph>
      <Paragraph>{t(`onboardingDay3.${section}.body`, values)}</Paragraph>
      <CallToAction href={dashboardUrl} label={t(`onboardingDay3.${section}.cta`)} linkHelp={t('common.linkHelp')} />
      <Paragraph muted>{t('onboardingDay3.help')}</Paragraph>
    </EmailLayout>
  )
}

/** Props from what the step read: the user's name and their first organization (null: none). */
export function fromEvent({ context, locale, appUrl, t }: EventInput<'user/registered'>): OnboardingDay3EmailProps {
  const organization = context.organization
  const state: DayThreeState = !organization ? { kind: 'no-organization' } : { kind: organization.role, organizationName: organization.name, members: organization.members }
  return { t, locale, userName: context.userName, state, dashboardUrl: new URL('/dashboard', appUrl).href }
}

definePreviewProps(OnboardingDay3Email, fromEvent, userRegisteredSamples['day-3-no-organization-fr'], 'fr')

export default OnboardingDay3Email
