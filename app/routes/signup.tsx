import { getZodConstraint } from '@conform-to/zod/v4'
import { useTranslation } from '~/i18n/translation'
import { redirect } from 'react-router'
import type { Route } from './+types/signup'
import { titleMeta } from '~/components/title-meta'
import { formAction, forwardActionHeaders, rejectForm } from '~/auth/form-guards.server'
import { SignupSchema } from '~/auth/schemas'
import { guestPageLoader } from '~/auth/guest-page.server'
import { createUserSessionCookie } from '~/auth/session.server'
import { signup } from '~/auth/signup.server'
import { Field, NewPasswordField } from '~/components/field'
import { GuestForm } from '~/components/guest-form'
import { submittedForm } from '~/http/parse-form.server'
import { getLocale } from '~/i18n/i18next.server'

export const loader = guestPageLoader('signup.title')

export const meta: Route.MetaFunction = titleMeta

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
  const errors = actionData?.errors ?? {}
  const values = actionData?.values ?? {}
  return (
    <GuestForm page="signup" formError={errors.form}>
      <Field name="name" label={t('signup.name')} defaultValue={values.name} error={errors.name} autoComplete="name" constraint={constraints.name} />
      <Field name="email" type="email" label={t('signup.email')} defaultValue={values.email} error={errors.email} autoComplete="email" constraint={constraints.email} />
      <NewPasswordField label={t('signup.password')} error={errors.password} answer={actionData} constraint={constraints.password} />
    </GuestForm>
  )
}

// Sends a refusal's own headers (Retry-After, Connection: close) with the page.
export const headers = forwardActionHeaders
