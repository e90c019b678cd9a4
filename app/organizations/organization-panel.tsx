import type { FormErrors } from '~/http/parse-form.server'
import { useTranslation } from '~/i18n/translation'
import { Form, useNavigation } from 'react-router'
import { formatMoney, type Interval, type PlanId } from '~/billing/plans'
import { Field, FormError } from '~/components/field'
import { SubmitButton, useFocusOnAnswer } from '~/components/submit'

type Organization = {
  id: string
  name: string
  role: 'owner' | 'member'
  subscription: {
    status: string
    trialEnd: string | null
    /** The plan /pricing sold, with its price; null for another price, or while Stripe cannot be reached. */
    plan?: { planId: PlanId; unitAmount: number; currency: string; interval: Interval } | null
  } | null
  members: Array<{ userId: string; name: string; email: string; role: 'owner' | 'member' }>
  invitations: Array<{ id: string; email: string; expiresAt: string; status: string }>
}

/** What the dashboard's action answered: a rejection (errors) or what was done. */
type Answer =
  | { errors: FormErrors; values: Record<string, string> }
  | { done: 'invited' | 'revoked'; email: string; organizationId: string }
  | undefined

const KNOWN_STATUSES = ['trialing', 'active', 'past_due', 'canceled', 'unpaid', 'incomplete', 'incomplete_expired', 'paused'] as const

function useDate() {
  const { i18n } = useTranslation()
  // UTC on both server and browser, so the rendered date never differs between them.
  const format = new Intl.DateTimeFormat(i18n.language, { dateStyle: 'long', timeZone: 'UTC' })
  return (iso: string) => format.format(new Date(iso))
}

export function OrganizationPanel({ organization, currentUserId, answer }: { organization: Organization; currentUserId: string; answer: Answer }) {
  const { t, i18n } = useTranslation()
  const formatDate = useDate()
  const plan = organization.subscription?.plan
  const submitting = useNavigation().state === 'submitting'
  const mine = answer && ('done' in answer ? answer.organizationId : answer.values.organizationId) === organization.id
  const errors = mine && answer && 'errors' in answer ? answer.errors : {}
  const done = mine && answer && 'done' in answer ? answer : null
  // A revoked invitation takes its button away: focus goes to the line saying it is done.
  const panelRef = useFocusOnAnswer<HTMLElement>(mine ? answer : undefined)
  const status = organization.subscription?.status
  const statusKey = KNOWN_STATUSES.find((s) => s === status) ?? 'unknown'

  return (
    <section className="card" data-testid="organization" aria-labelledby={`org-${organization.id}`} ref={panelRef}>
      <h2 id={`org-${organization.id}`} data-testid="organization-name">
        {organization.name}
      </h2>
      <p data-testid="subscription-status">
        {t('billing.statusLine', { status: organization.subscription ? t(`billing.status.${statusKey}`) : t('billing.noSubscription') })}
        {organization.subscription?.status === 'trialing' && organization.subscription.trialEnd
          ? ` · ${t('billing.trialEnds', { date: formatDate(organization.subscription.trialEnd) })}`
          : null}
      </p>
      {plan ? (
        <p className="subscription-plan" data-testid="subscription-plan">
          {t('billing.plan', {
            plan: t(`plans.${plan.planId}.name`),
            price: t('pricing.perInterval', { price: formatMoney(plan.unitAmount, plan.currency, i18n.language), interval: t(`plans.interval.${plan.interval}`) }),
          })}
        </p>
      ) : null}
      {organization.role === 'owner' && organization.subscription ? (
        <Form method="post" action="/billing/portal">
          <button type="submit" data-testid="manage-subscription">
            {t('billingPortal.manage')}
          </button>
        </Form>
      ) : null}

      <h3>{t('organization.members')}</h3>
      <table className="members" data-testid="members">
        <thead>
          <tr>
            <th scope="col">{t('organization.name')}</th>
            <th scope="col">{t('organization.email')}</th>
            <th scope="col">{t('organization.role')}</th>
          </tr>
        </thead>
        <tbody>
          {organization.members.map((member) => (
            <tr key={member.userId}>
              <td>
                {member.name}
                {member.userId === currentUserId ? ` (${t('organization.you')})` : null}
              </td>
              <td>{member.email}</td>
              <td>{t(`organization.roles.${member.role}`)}</td>
            </tr>
          ))}
        </tbody>
      </table>

      {organization.role === 'owner' ? (
        <>
          <h3>{t('invitations.title')}</h3>
          {done ? (
            <p role="status" data-testid="invitation-done" tabIndex={-1} data-answer-focus={done.done === 'revoked' ? '' : undefined}>
              {done.done === 'invited' ? t('invitations.sent', { email: done.email }) : t('invitations.revoked')}
            </p>
          ) : null}
          <Form method="post" noValidate>
            <FormError error={errors.form} />
            <input type="hidden" name="organizationId" value={organization.id} />
            <input type="hidden" name="intent" value="invite" />
            {/* A fresh field after each invitation sent; the typed address is kept after an error. */}
            <Field
              key={done ? `sent-${done.email}` : 'invite'}
              name="email"
              type="email"
              label={t('invitations.email')}
              defaultValue={done ? '' : mine && answer && 'values' in answer ? answer.values.email : ''}
              error={errors.email}
              autoComplete="off"
            />
            <SubmitButton pending={submitting}>{t('invitations.submit')}</SubmitButton>
          </Form>

          {organization.invitations.length > 0 ? (
            <>
              <h3>{t('invitations.pending')}</h3>
              <ul className="invitation-list" data-testid="invitations">
                {organization.invitations.map((invitation) => (
                  <li key={invitation.id}>
                    {invitation.email} ·{' '}
                    {invitation.status === 'expired' ? t('invitations.expired') : t('invitations.expires', { date: formatDate(invitation.expiresAt) })}
                    {invitation.status === 'pending' ? (
                      <Form method="post" className="inline">
                        <input type="hidden" name="organizationId" value={organization.id} />
                        <input type="hidden" name="intent" value="revoke" />
                        <input type="hidden" name="invitationId" value={invitation.id} />
                        <button type="submit" className="link" aria-label={t('invitations.revokeFor', { email: invitation.email })}>
                          {t('invitations.revoke')}
                        </button>
                      </Form>
                    ) : null}
                  </li>
                ))}
              </ul>
            </>
          ) : null}
        </>
      ) : null}
    </section>
  )
}
