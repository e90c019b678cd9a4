import { getZodConstraint } from '@conform-to/zod/v4'
import { useTranslation } from '~/i18n/translation'
import { Link, redirect, useSearchParams } from 'react-router'
import type { Route } from './+types/login'
import { titleMeta } from '~/components/title-meta'
import { formAction, forwardActionHeaders, rejectForm } from '~/auth/form-guards.server'
import { verifyLogin } from '~/auth/login.server'
import { LoginSchema } from '~/auth/schemas'
import { safeRedirect } from '~/auth/safe-redirect.server'
import { guestPageLoader } from '~/auth/guest-page.server'
import { createUserSessionCookie } from '~/auth/session.server'
import { Field, useClearedOnAnswer } from '~/components/field'
import { GuestForm } from '~/components/guest-form'
import { submittedForm } from '~/http/parse-form.server'
import { localeCookie } from '~/i18n/i18next.server'

export const loader = guestPageLoader('login.title')

export const meta: Route.MetaFunction = titleMeta

export async function action({ request, context }: Route.ActionArgs) {
  return formAction(request, async () => {
    const { value, values, form } = await submittedForm(request, context, { scope: 'login', schema: LoginSchema, keep: ['email'] })
    const { user, retryAfter } = await verifyLogin(value.email, value.password)
    if (retryAfter) return rejectForm(429, { form: 'errors.accountLocked' }, values, { 'Retry-After': String(retryAfter) })
    if (!user) return rejectForm(401, { form: 'errors.invalidCredentials' }, values)

    const headers = new Headers()
    headers.append('Set-Cookie', await createUserSessionCookie(request, user.id))
    // The language saved on the profile follows the user to any browser they sign in from.
    headers.append('Set-Cookie', await localeCookie.serialize(user.language))
    return redirect(safeRedirect(form.get('redirectTo'), '/dashboard'), { headers })
  })
}

const constraints = getZodConstraint(LoginSchema)

export default function Login({ actionData }: Route.ComponentProps) {
  const { t } = useTranslation()
  const [searchParams] = useSearchParams()
  const errors = actionData?.errors ?? {}
  const passwordRef = useClearedOnAnswer(actionData)
  return (
    <GuestForm page="login" formError={errors.form}>
      <input type="hidden" name="redirectTo" value={searchParams.get('redirectTo') ?? ''} />
      <Field name="email" type="email" label={t('login.email')} defaultValue={actionData?.values.email} error={errors.email} autoComplete="email" constraint={constraints.email} />
      <Field name="password" inputRef={passwordRef} type="password" label={t('login.password')} error={errors.password} autoComplete="current-password" constraint={constraints.password} />
      <p className="hint">
        <Link to="/forgot-password">{t('login.forgotPassword')}</Link>
      </p>
    </GuestForm>
  )
}

// Sends a refusal's own headers (Retry-After, Connection: close) with the page.
export const headers = forwardActionHeaders
