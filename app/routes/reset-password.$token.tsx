import { getZodConstraint } from '@conform-to/zod/v4'
import { useTranslation } from '~/i18n/translation'
import { data, Link, redirect } from 'react-router'
import type { Route } from './+types/reset-password.$token'
import { formAction, forwardActionHeaders } from '~/auth/form-guards.server'
import { checkResetLink, resetPassword } from '~/auth/password-reset.server'
import { ResetPasswordSchema } from '~/auth/schemas'
import { sessionCookieFor, sessionIdOf } from '~/auth/session.server'
import { NewPasswordField } from '~/components/field'
import { GuestForm } from '~/components/guest-form'
import { submittedForm } from '~/http/parse-form.server'
import { getInstance } from '~/i18n/i18next.server'

// A link that was never ours: 404; one that was, used or past its hour: 410. Nothing changes either way.
const STATUS = { invalid: 404, expired: 410, used: 410 } as const
type Refusal = keyof typeof STATUS

// The token is in the URL: no Referer carries it to another site, no cache keeps the page.
const PRIVATE = { 'Referrer-Policy': 'no-referrer', 'Cache-Control': 'no-store' }

export async function loader({ params, context }: Route.LoaderArgs) {
  const t = getInstance(context).t
  const state = checkResetLink(params.token)
  if (state !== 'valid') return data({ title: t(`resetPassword.${state}Title`), state }, { status: STATUS[state], headers: PRIVATE })
  return data({ title: t('resetPassword.title'), state }, { headers: PRIVATE })
}

export const meta: Route.MetaFunction = ({ data }) => [{ title: data?.title ?? 'Courrier' }, { name: 'robots', content: 'noindex' }]

/**
 * Sets the new password (the signup rule): every session of the user ends, this browser gets a fresh
 * one, the link is spent and the `user/password.changed` notice is queued, all in one transaction.
 */
export async function action({ request, params, context }: Route.ActionArgs) {
  return formAction(request, async () => {
    const { value } = await submittedForm(request, context, { scope: 'reset-password', schema: ResetPasswordSchema, keep: [] })
    const result = await resetPassword({ token: params.token, password: value.password, previousSessionId: await sessionIdOf(request) })
    if (!result.ok) return data({ refused: result.error }, { status: STATUS[result.error], headers: PRIVATE })
    return redirect('/dashboard', { headers: { 'Set-Cookie': await sessionCookieFor(result.sessionId, result.sessionExpires), ...PRIVATE } })
  })
}

const constraints = getZodConstraint(ResetPasswordSchema)

export default function ResetPassword({ loaderData, actionData }: Route.ComponentProps) {
  const { t } = useTranslation()
  const refused: Refusal | null = actionData && 'refused' in actionData ? actionData.refused : loaderData.state !== 'valid' ? loaderData.state : null
  if (refused) return <RefusedLink state={refused} />
  const errors = actionData && 'errors' in actionData ? actionData.errors : {}
  return (
    <GuestForm page="resetPassword" formError={errors.form} intro={t('resetPassword.intro')}>
      <NewPasswordField label={t('resetPassword.password')} error={errors.password} answer={actionData} constraint={constraints.password} />
    </GuestForm>
  )
}

function RefusedLink({ state }: { state: Refusal }) {
  const { t } = useTranslation()
  return (
    <section className="card" data-testid="reset-link-refused">
      <h1>{t(`resetPassword.${state}Title`)}</h1>
      <p role="alert">{t(`resetPassword.${state}`)}</p>
      <p className="actions">
        <Link to="/forgot-password" className="button">
          {t('resetPassword.requestNew')}
        </Link>{' '}
        <Link to="/login">{t('nav.login')}</Link>
      </p>
    </section>
  )
}

// Sends a refusal's own headers (Retry-After, Connection: close) and the page's privacy headers.
export const headers = forwardActionHeaders
