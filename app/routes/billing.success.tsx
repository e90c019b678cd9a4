import { data } from 'react-router'
import { useTranslation } from '~/i18n/translation'
import { Link } from 'react-router'
import type { Route } from './+types/billing.success'
import { requireUser } from '~/auth/session.server'
import { checkoutStateFor } from '~/billing/checkout.server'
import { isPlanId } from '~/billing/plans'
import { titleMeta } from '~/components/title-meta'
import { getInstance } from '~/i18n/i18next.server'

/** The page reloads itself every REFRESH_SECONDS, at most MAX_ATTEMPTS times: then it says so and stops. */
export const REFRESH_SECONDS = 2
export const MAX_ATTEMPTS = 15

/**
 * Where Stripe's Checkout sends the user back (`?session_id=`). Stripe's webhooks may not have arrived
 * yet: the page says what is known, and reloads itself (a meta refresh: no JavaScript needed) until the
 * organization exists, for half a minute at most.
 */
export async function loader({ request, context }: Route.LoaderArgs) {
  const user = await requireUser(request)
  const url = new URL(request.url)
  const sessionId = (url.searchParams.get('session_id') ?? '').slice(0, 255)
  const attempt = Math.min(Math.max(Number.parseInt(url.searchParams.get('attempt') ?? '0', 10) || 0, 0), MAX_ATTEMPTS)
  const checkout = checkoutStateFor(user.id, sessionId)
  const body = {
    title: getInstance(context).t('checkoutSuccess.title'),
    sessionId,
    attempt,
    checkout:
      checkout.state === 'ready'
        ? { ...checkout, trialEnd: checkout.status === 'trialing' && checkout.trialEnd && checkout.trialEnd > new Date() ? checkout.trialEnd.toISOString() : null }
        : checkout,
  }
  return data(body, { status: checkout.state === 'unknown' ? 404 : 200, headers: { 'Cache-Control': 'no-store' } })
}

export const meta: Route.MetaFunction = titleMeta

export default function CheckoutSuccess({ loaderData: { checkout, sessionId, attempt } }: Route.ComponentProps) {
  const { t, i18n } = useTranslation()
  if (checkout.state === 'unknown') {
    return (
      <section className="card" data-testid="checkout-unknown">
        <h1>{t('checkoutSuccess.title')}</h1>
        <p>{t('checkoutSuccess.unknown')}</p>
        <Link to="/dashboard">{t('checkoutSuccess.dashboard')}</Link>
      </section>
    )
  }
  const plan = isPlanId(checkout.planId) ? t(`plans.${checkout.planId}.name`) : checkout.planId
  const pending = checkout.state !== 'ready'
  const slow = pending && attempt >= MAX_ATTEMPTS
  const next = `?session_id=${encodeURIComponent(sessionId)}&attempt=${attempt + 1}`
  return (
    <section className="card" data-testid="checkout-success" data-state={checkout.state}>
      {pending && !slow ? <meta httpEquiv="refresh" content={`${REFRESH_SECONDS};url=${next}`} /> : null}
      <h1>{t('checkoutSuccess.title')}</h1>
      <div role="status" aria-live="polite">
        {checkout.state === 'waiting' ? <p>{t('checkoutSuccess.waiting')}</p> : null}
        {checkout.state === 'confirmed' ? <p>{t('checkoutSuccess.confirmed', { plan })}</p> : null}
        {checkout.state === 'ready' ? (
          <>
            <p data-testid="checkout-ready">{t('checkoutSuccess.ready', { organization: checkout.organizationName, plan })}</p>
            {checkout.trialEnd ? (
              <p>{t('checkoutSuccess.trialUntil', { date: new Intl.DateTimeFormat(i18n.language, { dateStyle: 'long', timeZone: 'UTC' }).format(new Date(checkout.trialEnd)) })}</p>
            ) : null}
            <p>{t('checkoutSuccess.email')}</p>
          </>
        ) : null}
        {slow ? <p data-testid="checkout-slow">{t('checkoutSuccess.slow')}</p> : null}
      </div>
      <p className="actions">
        {slow ? (
          <Link to={`?session_id=${encodeURIComponent(sessionId)}&attempt=${MAX_ATTEMPTS - 3}`} reloadDocument>
            {t('checkoutSuccess.refresh')}
          </Link>
        ) : null}
        <Link to="/dashboard" className={checkout.state === 'ready' ? 'button' : undefined}>
          {t('checkoutSuccess.dashboard')}
        </Link>
      </p>
    </section>
  )
}
