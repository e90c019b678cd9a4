import { useTranslation } from 'react-i18next'
import { Form, Link, redirect, useNavigation, useSearchParams } from 'react-router'
import type { Route } from './+types/login'
import { checkHoneypot, checkRateLimit, formAction, forwardActionHeaders, readForm, rejectForm } from '~/auth/form-guards.server'
import { verifyLogin } from '~/auth/login.server'
import { fieldErrors, LoginSchema } from '~/auth/schemas'
import { safeRedirect } from '~/auth/safe-redirect.server'
import { createUserSessionCookie, getUserId } from '~/auth/session.server'
import { Field, FormError, useClearedOnAnswer } from '~/components/field'
import { Honeypot } from '~/components/honeypot'
import { getInstance, localeCookie } from '~/i18n/i18next.server'

export const headers = forwardActionHeaders

export async function loader({ request, context }: Route.LoaderArgs) {
  if (await getUserId(request)) throw redirect('/dashboard')
  return { title: getInstance(context).t('login.title') }
}

export const meta: Route.MetaFunction = ({ data }) => [{ title: data?.title ?? 'Courrier' }]

export async function action({ request, context }: Route.ActionArgs) {
  return formAction(request, async () => {
    const form = await readForm(request)
    const values = { email: String(form.get('email') ?? '') }
    checkHoneypot(form)
    await checkRateLimit('login', context, values)
    const parsed = LoginSchema.safeParse(Object.fromEntries(form))
    if (!parsed.success) return rejectForm(400, fieldErrors(parsed.error), values)

    const { user, retryAfter } = await verifyLogin(parsed.data.email, parsed.data.password)
    if (retryAfter) return rejectForm(429, { form: 'errors.accountLocked' }, values, { 'Retry-After': String(retryAfter) })
    if (!user) return rejectForm(401, { form: 'errors.invalidCredentials' }, values)

    const headers = new Headers()
    headers.append('Set-Cookie', await createUserSessionCookie(request, user.id))
    // The language saved on the profile follows the user to any browser they sign in from.
    headers.append('Set-Cookie', await localeCookie.serialize(user.language))
    return redirect(safeRedirect(form.get('redirectTo'), '/dashboard'), { headers })
  })
}

export default function Login({ actionData }: Route.ComponentProps) {
  const { t } = useTranslation()
  const [searchParams] = useSearchParams()
  const submitting = useNavigation().state === 'submitting'
  const errors = actionData?.errors ?? {}
  const passwordRef = useClearedOnAnswer(actionData)
  const values = actionData?.values ?? {}
  return (
    <section className="card">
      <h1>{t('login.title')}</h1>
      <Form method="post" noValidate>
        <FormError error={errors.form} />
        <Honeypot />
        <input type="hidden" name="redirectTo" value={searchParams.get('redirectTo') ?? ''} />
        <Field name="email" type="email" label={t('login.email')} defaultValue={values.email} error={errors.email} autoComplete="email" />
        <Field name="password" inputRef={passwordRef} type="password" label={t('login.password')} error={errors.password} autoComplete="current-password" />
        <button type="submit" disabled={submitting}>
          {t('login.submit')}
        </button>
      </Form>
      <p>
        {t('login.noAccount')} <Link to="/signup">{t('nav.signup')}</Link>
      </p>
    </section>
  )
}
