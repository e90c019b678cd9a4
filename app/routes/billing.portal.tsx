import { useTranslation } from 'react-i18next'
import { data, Form, Link } from 'react-router'
import type { Route } from './+types/billing.portal'
import { formAction, forwardActionHeaders } from '~/auth/form-guards.server'
import { requireUser } from '~/auth/session.server'
import { openPortal } from '~/billing/pages.server'
import { FormError } from '~/components/field'
import { titleMeta } from '~/components/title-meta'
import { getInstance } from '~/i18n/i18next.server'

export const headers = forwardActionHeaders

/**
 * "Manage my subscription" from an email: a link cannot carry a portal session (they expire within
 * minutes), so it lands here, signed in, and goes on to a fresh one. Only a page when Stripe fails.
 */
export async function loader({ request, context }: Route.LoaderArgs) {
  const user = await requireUser(request)
  const answer = await openPortal(user)
  if (answer instanceof Response) throw answer
  return data({ title: getInstance(context).t('billingPortal.title'), errors: answer.data.errors }, { status: 503, headers: { 'Retry-After': '30' } })
}

/** The dashboard's "Manage my subscription" button. */
export async function action({ request }: Route.ActionArgs) {
  return formAction(request, async () => {
    const user = await requireUser(request)
    return openPortal(user)
  })
}

export const meta: Route.MetaFunction = titleMeta

export default function BillingPortal({ loaderData, actionData }: Route.ComponentProps) {
  const { t } = useTranslation()
  const errors = actionData && 'errors' in actionData ? actionData.errors : loaderData.errors
  return (
    <section className="card">
      <h1>{t('billingPortal.title')}</h1>
      <FormError error={errors.form} />
      <div className="actions">
        <Form method="post">
          <button type="submit">{t('billingPortal.retry')}</button>
        </Form>
        <Link to="/dashboard">{t('checkoutSuccess.dashboard')}</Link>
      </div>
    </section>
  )
}
