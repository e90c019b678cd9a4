import { getZodConstraint } from '@conform-to/zod/v4'
import { useTranslation } from 'react-i18next'
import { Form, Link, redirect, useNavigation, useSearchParams } from 'react-router'
import type { Route } from './+types/login'
import { formAction, forwardActionHeaders, rejectForm } from '~/auth/form-guards.server'
import { verifyLogin } from '~/auth/login.server'
import { LoginSchema } from '~/auth/schemas'
import { safeRedirect } from '~/auth/safe-redirect'
import { createUserSessionCookie, getUserId } from '~/auth/session.server'
import { Field, FormError, useClearedOnAnswer } from '~/components/field'
import { Honeypot } from '~/components/honeypot'
import { submittedForm } from '~/http/parse-form.server'
import { getInstance, localeCookie } from '~/i18n/i18next.server'

export const headers = forwardActionHeaders

export async function loader({ request, context }: Route.LoaderArgs) {
  if (await getUserId(request)) throw redirect('/dashboard')
  return { title: getInstance(context).t('login.title') }
}

export const meta: Route.MetaFunction = ({ data }) => [{ title: data?.title ?? 'Courrier' }]

export async function action({ request, context }: Route.ActionArgs) {
  return formAction(request, async () => {
    const { value, values, form } = await submittedForm(request, context, { scope: 'login', schema: LoginSchema, keep: ['email'] })
    const user = await verifyLogin(value.email, value.password)
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
        <Field name="email" type="email" label={t('login.email')} defaultValue={values.email} error={errors.email} autoComplete="email" constraint={constraints.email} />
        <Field name="password" inputRef={passwordRef} type="password" label={t('login.password')} error={errors.password} autoComplete="current-password" constraint={constraints.password} />
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
