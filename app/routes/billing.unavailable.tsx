import { useTranslation } from '~/i18n/translation'
import { data, Form, Link } from 'react-router'
import type { Route } from './+types/billing.unavailable'
import { titleMeta } from '~/components/title-meta'
import { getInstance } from '~/i18n/i18next.server'

/** Where "Manage my subscription" lands when Stripe did not answer: what happened, and a way to try again. */
export function loader({ context }: Route.LoaderArgs) {
  // The failure was Stripe's and was answered by the redirect here; this page itself is served fine (200).
  return data({ title: getInstance(context).t('billingPortal.title') }, { headers: { 'Cache-Control': 'no-store' } })
}

export const meta: Route.MetaFunction = titleMeta

export default function BillingUnavailable() {
  const { t } = useTranslation()
  return (
    <section className="card" data-testid="billing-unavailable">
      <h1>{t('billingPortal.title')}</h1>
      <p role="alert" className="error">
        {t('billingPortal.unavailable')}
      </p>
      <div className="actions">
        <Form method="post" action="/billing/portal">
          <button type="submit">{t('billingPortal.retry')}</button>
        </Form>
        <Link to="/dashboard">{t('checkoutSuccess.dashboard')}</Link>
      </div>
    </section>
  )
}
