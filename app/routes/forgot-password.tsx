import { getZodConstraint } from '@conform-to/zod/v4'
import { createHash } from 'node:crypto'
import { useTranslation } from '~/i18n/translation'
import { Link } from 'react-router'
import type { Route } from './+types/forgot-password'
import { titleMeta } from '~/components/title-meta'
import { checkRateLimitOf, formAction, forwardActionHeaders } from '~/auth/form-guards.server'
import { guestPageLoader } from '~/auth/guest-page.server'
import { requestPasswordReset } from '~/auth/password-reset.server'
import { ForgotPasswordSchema } from '~/auth/schemas'
import { Field } from '~/components/field'
import { GuestForm } from '~/components/guest-form'
import { useFocusOnAnswer } from '~/components/submit'
import { submittedForm } from '~/http/parse-form.server'

export const loader = guestPageLoader('forgotPassword.title')

export const meta: Route.MetaFunction = titleMeta

/**
 * Whether or not the address has an account, the answer is the same page with the same status, after
 * the same work and no sooner than its floor (requestPasswordReset): nobody learns from it, or
 * from its timing, who has an account. Limits: RATE_LIMIT_PER_MINUTE a minute per client address and
 * per email address; and one email a minute per account whatever the number of requests.
 */
export async function action({ request, context }: Route.ActionArgs) {
  return formAction(request, async () => {
    const { value, values } = await submittedForm(request, context, { scope: 'forgot-password', schema: ForgotPasswordSchema, keep: ['email'] })
    await checkRateLimitOf('forgot-password:address', createHash('sha256').update(value.email).digest('hex'), values)
    await requestPasswordReset(value.email)
    return { sent: true as const, email: value.email }
  })
}

const constraints = getZodConstraint(ForgotPasswordSchema)

export default function ForgotPassword({ actionData }: Route.ComponentProps) {
  const { t } = useTranslation()
  // The answer replaces the form and its focused button: focus goes to the answer's heading.
  const answerRef = useFocusOnAnswer<HTMLElement>(actionData && 'sent' in actionData ? actionData : undefined)
  if (actionData && 'sent' in actionData) {
    return (
      <section className="card" data-testid="reset-requested" ref={answerRef}>
        <h1 tabIndex={-1} data-answer-focus="">
          {t('forgotPassword.sentTitle')}
        </h1>
        <p role="status">{t('forgotPassword.sent', { email: actionData.email })}</p>
        <p className="hint">{t('forgotPassword.sentHelp')}</p>
        <p className="actions">
          <Link to="/forgot-password" reloadDocument>
            {t('forgotPassword.again')}
          </Link>
          <Link to="/login">{t('nav.login')}</Link>
        </p>
      </section>
    )
  }
  const errors = actionData?.errors ?? {}
  return (
    <GuestForm page="forgotPassword" formError={errors.form} intro={t('forgotPassword.intro')}>
      <Field name="email" type="email" label={t('forgotPassword.email')} defaultValue={actionData?.values.email} error={errors.email} autoComplete="email" constraint={constraints.email} />
    </GuestForm>
  )
}

// Sends a refusal's own headers (Retry-After, Connection: close) with the page.
export const headers = forwardActionHeaders
