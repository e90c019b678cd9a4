import { useTranslation } from '~/i18n/translation'
import { data, Form, Link, redirect, useNavigation } from 'react-router'
import type { Route } from './+types/invitations.$id.$token'
import { checkRateLimit, formAction, forwardActionHeaders, readForm } from '~/auth/form-guards.server'
import { getUser, requireUser } from '~/auth/session.server'
import { FormError } from '~/components/field'
import { SubmitButton, useFocusOnAnswer } from '~/components/submit'
import { getInstance } from '~/i18n/i18next.server'
import { acceptInvitation, findInvitationByLink } from '~/organizations/invitations.server'
import type { UiKey } from '~/i18n/keys'
import type { InvitationView } from '~/organizations/invitations.server'
import { forgetInvitation, rememberInvitation } from '~/organizations/pending-invitation.server'

export const headers = forwardActionHeaders

// Gone for good (410) once used, revoked or expired; unknown (404) when the link is not ours.
const STATUS = { invalid: 404, expired: 410, revoked: 410, accepted: 410, wrongAccount: 403 } as const

export async function loader({ request, params, context }: Route.LoaderArgs) {
  const t = getInstance(context).t
  const invitation = findInvitationByLink(params.id, params.token)
  if (!invitation) return data({ title: t('invitations.state.invalid.title'), state: 'invalid' as const, invitation: null, user: null }, { status: 404 })
  const title = t('invitations.accept.title', { organization: invitation.organizationName })
  if (invitation.status !== 'pending') return data({ title, state: invitation.status, invitation, user: null }, { status: STATUS[invitation.status] })
  const user = await getUser(request)
  if (!user) {
    // Signing up or in leads to the dashboard, which brings the visitor back here.
    return data({ title, state: 'pending' as const, invitation, user: null }, { headers: { 'Set-Cookie': await rememberInvitation({ id: params.id, token: params.token }) } })
  }
  const state = user.email === invitation.email ? ('pending' as const) : ('wrongAccount' as const)
  return data({ title, state, invitation, user: { email: user.email } }, { status: state === 'pending' ? 200 : 403 })
}

export const meta: Route.MetaFunction = ({ data }) => [{ title: data?.title ?? 'Courrier' }, { name: 'robots', content: 'noindex' }]

export async function action({ request, params, context }: Route.ActionArgs) {
  return formAction(request, async () => {
    const user = await requireUser(request)
    await readForm(request)
    await checkRateLimit('accept-invitation', context)
    const result = acceptInvitation({ invitationId: params.id, token: params.token, user })
    if (!result.ok) return data({ errors: { form: `invitations.errors.${result.error}` satisfies UiKey as UiKey } }, { status: STATUS[result.error] })
    return redirect('/dashboard', { headers: { 'Set-Cookie': await forgetInvitation() } })
  })
}

export default function Invitation({ loaderData, actionData, params }: Route.ComponentProps) {
  const { t, i18n } = useTranslation()
  const submitting = useNavigation().state === 'submitting'
  const formRef = useFocusOnAnswer(actionData)
  const { state, invitation, user } = loaderData
  const here = `/invitations/${encodeURIComponent(params.id)}/${encodeURIComponent(params.token)}`
  if (!invitation) return <Message title={t('invitations.state.invalid.title')} body={t('invitations.state.invalid.body')} />
  const organization = invitation.organizationName
  if (state === 'expired' || state === 'revoked' || state === 'accepted') {
    const date = new Intl.DateTimeFormat(i18n.language, { dateStyle: 'long', timeZone: 'UTC' }).format(new Date(invitation.expiresAt))
    return <Message title={t(`invitations.state.${state}.title`)} body={t(`invitations.state.${state}.body`, { organization, date })} />
  }
  return (
    <section className="card" data-testid="invitation">
      <h1>{t('invitations.accept.title', { organization })}</h1>
      <p>{describe(invitation, t)}</p>
      {state === 'wrongAccount' && user ? (
        <p className="error" role="alert" data-testid="invitation-state">
          {t('invitations.accept.wrongAccount', { email: invitation.email, current: user.email })}
        </p>
      ) : user ? (
        <Form method="post" ref={formRef}>
          {actionData && 'errors' in actionData ? <FormError error={actionData.errors.form} /> : null}
          <SubmitButton pending={submitting}>{t('invitations.accept.join', { organization })}</SubmitButton>
        </Form>
      ) : (
        <>
          <p>{t('invitations.accept.needAccount', { email: invitation.email })}</p>
          <p className="actions">
            <Link to="/signup" className="button">
              {t('invitations.accept.signUp')}
            </Link>{' '}
            <Link to={`/login?redirectTo=${encodeURIComponent(here)}`}>{t('invitations.accept.logIn')}</Link>
          </p>
        </>
      )}
    </section>
  )
}

function describe(invitation: InvitationView, t: ReturnType<typeof useTranslation>['t']) {
  const values = { organization: invitation.organizationName, email: invitation.email, inviter: invitation.inviterName }
  return invitation.inviterName ? t('invitations.accept.invitedBy', values) : t('invitations.accept.invited', values)
}

function Message({ title, body }: { title: string; body: string }) {
  const { t } = useTranslation()
  return (
    <section className="card" data-testid="invitation">
      <h1>{title}</h1>
      <p role="alert" data-testid="invitation-state">
        {body}
      </p>
      <Link to="/">{t('errorPage.backHome')}</Link>
    </section>
  )
}
