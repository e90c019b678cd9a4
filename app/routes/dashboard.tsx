import { useTranslation } from '~/i18n/translation'
import { data, Form, Link, redirect, useNavigation } from 'react-router'
import type { Route } from './+types/dashboard'
import { FormError } from '~/components/field'
import { SubmitButton, useFocusOnAnswer } from '~/components/submit'
import { titleMeta } from '~/components/title-meta'
import { requestConfirmationLink } from '~/auth/email-verification.server'
import { checkRateLimit, formAction, forwardActionHeaders, readForm, rejectForm } from '~/auth/form-guards.server'
import { requireUser } from '~/auth/session.server'
import { parseForm } from '~/http/parse-form.server'
import { getInstance, getLocale } from '~/i18n/i18next.server'
import { createInvitation, invitationsOf, revokeInvitation } from '~/organizations/invitations.server'
import { OrganizationPanel } from '~/organizations/organization-panel'
import { organizationsOf } from '~/organizations/organizations.server'
import { subscriptionPlans } from '~/billing/prices.server'
import { emailsCanLeave, inngestDevCommand } from '~/inngest/dev-server.server'
import { forgetInvitation, pendingInvitationPath } from '~/organizations/pending-invitation.server'
import { InviteSchema, RevokeSchema } from '~/organizations/schemas'

export const headers = forwardActionHeaders

export async function loader({ request, context }: Route.LoaderArgs) {
  const user = await requireUser(request)
  // Someone who opened an invitation before signing up or in is brought back to it, once.
  const pending = await pendingInvitationPath(request)
  if (pending)
    throw redirect(pending, {
      headers: { 'Set-Cookie': await forgetInvitation() },
    })
  const planOf = await subscriptionPlans()
  const organizations = organizationsOf(user.id).map((organization) => ({
    ...organization,
    subscription: organization.subscription && {
      status: organization.subscription.status,
      trialEnd: organization.subscription.trialEnd?.toISOString() ?? null,
      plan: planOf(organization.subscription.priceId),
    },
    invitations: organization.role === 'owner' ? invitationsOf(organization.id) : [],
  }))
  const address = user.emailVerifiedAt
    ? {
        state: 'confirmed' as const,
        justConfirmed: new URL(request.url).searchParams.has('confirmed'),
      }
    : { state: 'pending' as const, justConfirmed: false }
  // In development nothing sends while the Inngest dev server is down: the page says so instead of "on its way".
  const emailsWaitFor = (await emailsCanLeave()) ? null : inngestDevCommand()
  return {
    title: getInstance(context).t('dashboard.title'),
    emailsWaitFor,
    user: { id: user.id, name: user.name, email: user.email },
    address,
    organizations,
  }
}

export const meta: Route.MetaFunction = titleMeta

const INVITE_ERRORS = {
  notOwner: [403, { form: 'invitations.errors.notOwner' }],
  alreadyMember: [409, { email: 'invitations.errors.alreadyMember' }],
  alreadyInvited: [409, { email: 'invitations.errors.alreadyInvited' }],
} as const

const RESEND_ERRORS = {
  tooSoon: 429,
  dailyLimit: 429,
  alreadyConfirmed: 409,
} as const

export async function action({ request, context }: Route.ActionArgs) {
  return formAction(request, async () => {
    const user = await requireUser(request)
    const form = await readForm(request)

    if (form.get('intent') === 'resend-confirmation') {
      await checkRateLimit('confirm-resend', context)
      const result = requestConfirmationLink(user.id)
      if (!result.ok) {
        const retryAfter = result.retryAfterSeconds ? { 'Retry-After': String(result.retryAfterSeconds) } : undefined
        return rejectForm(RESEND_ERRORS[result.error], { confirmation: `verifyEmail.errors.${result.error}` }, {}, retryAfter)
      }
      return data({ done: 'resent' as const })
    }

    const values = {
      email: String(form.get('email') ?? ''),
      organizationId: String(form.get('organizationId') ?? ''),
    }
    await checkRateLimit('invite', context, values)

    if (form.get('intent') === 'revoke') {
      const parsed = parseForm(form, RevokeSchema)
      if (!parsed.ok) return rejectForm(400, { form: 'errors.rejected' }, values)
      const revoked = revokeInvitation({
        invitationId: parsed.value.invitationId,
        userId: user.id,
      })
      if (!revoked.ok) return rejectForm(409, { form: 'invitations.errors.revokeFailed' }, values)
      return data({
        done: 'revoked' as const,
        email: '',
        organizationId: values.organizationId,
      })
    }

    const parsed = parseForm(form, InviteSchema)
    if (!parsed.ok) return rejectForm(400, parsed.errors, values)
    const result = createInvitation({
      ...parsed.value,
      inviterId: user.id,
      language: getLocale(context),
    })
    if (!result.ok) {
      const [status, errors] = INVITE_ERRORS[result.error]
      return rejectForm(status, errors, values)
    }
    return data({
      done: 'invited' as const,
      email: parsed.value.email,
      organizationId: parsed.value.organizationId,
    })
  })
}

export default function Dashboard({ loaderData: { user, address, organizations, emailsWaitFor }, actionData }: Route.ComponentProps) {
  const { t } = useTranslation()
  // The organization panels answer invitations; the banner answers its own form.
  const invitationAnswer = actionData && !('done' in actionData && actionData.done === 'resent') ? actionData : undefined
  return (
    <>
      {address.state === 'pending' ? <PendingAddressBanner email={user.email} answer={actionData} /> : null}
      {address.justConfirmed ? (
        <p className="banner success" role="status" data-testid="address-confirmed">
          {t('dashboard.confirmed')}
        </p>
      ) : null}
      <section className="card">
        <h1>{t('dashboard.title')}</h1>
        <p data-testid="welcome">{t('dashboard.welcome', { name: user.name })}</p>
        <p>{t('dashboard.account', { email: user.email })}</p>
        {emailsWaitFor ? (
          <p className="banner info" data-testid="emails-waiting">
            {t('site.dashboard.emailsWaiting', { command: emailsWaitFor })}
          </p>
        ) : (
          <p>{t('dashboard.emails')}</p>
        )}
      </section>
      {organizations.length === 0 ? (
        <section className="card" aria-labelledby="no-organization-title">
          <h2 id="no-organization-title">{t('site.dashboard.organizationTitle')}</h2>
          <p data-testid="no-organization">{t('organization.none')}</p>
          <p>
            <Link to="/pricing" className="button secondary">
              {t('site.dashboard.plans')}
            </Link>
          </p>
        </section>
      ) : (
        organizations.map((organization) => <OrganizationPanel key={organization.id} organization={organization} currentUserId={user.id} answer={invitationAnswer} />)
      )}
    </>
  )
}

/** Until the address is confirmed: what that means, and a way to get a new link (one a minute, five a day). */
function PendingAddressBanner({ email, answer }: { email: string; answer: Route.ComponentProps['actionData'] }) {
  const { t } = useTranslation()
  const navigation = useNavigation()
  const sending = navigation.state === 'submitting' && navigation.formData?.get('intent') === 'resend-confirmation'
  const error = answer && 'errors' in answer ? answer.errors.confirmation : undefined
  const resent = answer && 'done' in answer && answer.done === 'resent'
  const formRef = useFocusOnAnswer(error || resent ? answer : undefined)
  return (
    <section className="banner warning" aria-labelledby="pending-address" data-testid="pending-address">
      <p id="pending-address">{t('dashboard.pending', { email })}</p>
      <Form method="post" ref={formRef}>
        <input type="hidden" name="intent" value="resend-confirmation" />
        <FormError error={error} />
        {resent ? (
          <p role="status" tabIndex={-1} data-answer-focus>
            {t('dashboard.resent', { email })}
          </p>
        ) : null}
        <SubmitButton pending={sending}>{t('dashboard.resend')}</SubmitButton>
      </Form>
    </section>
  )
}
