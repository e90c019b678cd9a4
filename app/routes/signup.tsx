import { getZodConstraint } from '@conform-to/zod/v4'
import { useTranslation } from 'react-i18next'
import { Form, Link, redirect, useNavigation } from 'react-router'
import type { Route } from './+types/signup'
import { formAction, forwardActionHeaders, rejectForm } from '~/auth/form-guards.server'
import { LIMITS, SignupSchema } from '~/auth/schemas'
import { createUserSessionCookie, getUserId } from '~/auth/session.server'
import { signup } from '~/auth/signup.server'
import { Field, FormError, useClearedOnAnswer } from '~/components/field'
import { Honeypot } from '~/components/honeypot'
import { submittedForm } from '~/http/parse-form.server'
import { getInstance, getLocale } from '~/i18n/i18next.server'

export const headers = forwardActionHeaders

export async function loader({ request, context }: Route.LoaderArgs) {
  if (await getUserId(request)) throw redirect('/dashboard')
  return { title: getInstance(context).t('signup.title') }
}

export const meta: Route.MetaFunction = ({ data }) => [{ title: data?.title ?? 'Courrier' }]

export async function action({ request, context }: Route.ActionArgs) {
  return formAction(request, async () => {
    const { value, values } = await submittedForm(request, context, { scope: 'signup', schema: SignupSchema, keep: ['name', 'email'] })
    const result = await signup(value, getLocale(context))
    if (!result.ok) return rejectForm(409, { email: 'errors.emailTaken' }, values)

    return redirect('/dashboard', { headers: { 'Set-Cookie': await createUserSessionCookie(request, result.userId) } })
  })
}

// The schema the action parses with also gives the inputs their HTML hints (required, lengths).
const constraints = getZodConstraint(SignupSchema)

export default function Signup({ actionData }: Route.ComponentProps) {
  const { t } = useTranslation()
  const submitting = useNavigation().state === 'submitting'
  const errors = actionData?.errors ?? {}
  const passwordRef = useClearedOnAnswer(actionData)
  const values = actionData?.values ?? {}
  return (
    <section className="card">
      <h1>{t('signup.title')}</h1>
      <Form method="post" noValidate>
        <FormError error={errors.form} />
        <Honeypot />
        <Field name="name" label={t('signup.name')} defaultValue={values.name} error={errors.name} autoComplete="name" constraint={constraints.name} />
        <Field name="email" type="email" label={t('signup.email')} defaultValue={values.email} error={errors.email} autoComplete="email" constraint={constraints.email} />
        <Field
          name="password"
          inputRef={passwordRef}
          type="password"
          label={t('signup.password')}
          hint={t('signup.passwordHint', LIMITS)}
          error={errors.password}
          autoComplete="new-password"
          constraint={constraints.password}
        />
        <button type="submit" disabled={submitting}>
          {t('signup.submit')}
        </button>
      </Form>
      <p>
        {t('signup.haveAccount')} <Link to="/login">{t('nav.login')}</Link>
      </p>
    </section>
  )
}
