import { useTranslation } from '~/i18n/translation'
import { Form, Link, redirect, useNavigation } from 'react-router'
import type { Route } from './+types/pricing'
import { formAction, forwardActionHeaders, readForm, rejectForm, checkRateLimit } from '~/auth/form-guards.server'
import { getUser } from '~/auth/session.server'
import { startCheckout } from '~/billing/pages.server'
import { formatMoney, isPlanId, PLAN_FEATURES, PLAN_IDS, type Interval } from '~/billing/plans'
import { planPrices, PricesUnavailableError } from '~/billing/prices.server'
import { CheckoutSchema } from '~/billing/schemas'
import { FormError } from '~/components/field'
import { titleMeta } from '~/components/title-meta'
import { env } from '~/env.server'
import { parseForm } from '~/http/parse-form.server'
import { getInstance } from '~/i18n/i18next.server'

export const headers = forwardActionHeaders

export async function loader({ request, context }: Route.LoaderArgs) {
  const url = new URL(request.url)
  const user = await getUser(request)
  let prices: Awaited<ReturnType<typeof planPrices>> = []
  let unavailable = false
  try {
    prices = await planPrices()
  } catch (error) {
    if (!(error instanceof PricesUnavailableError)) throw error
    console.warn(`pricing: ${error.message}`)
    unavailable = true
  }
  const intervals = (['month', 'year'] as const).filter((i) => prices.some((p) => p.interval === i))
  const asked = url.searchParams.get('interval')
  const interval: Interval = intervals.find((i) => i === asked) ?? intervals[0] ?? 'month'
  const canceled = url.searchParams.get('canceled')
  return {
    title: getInstance(context).t('pricing.title'),
    trialDays: env.STRIPE_TRIAL_DAYS,
    interval,
    intervals,
    unavailable,
    canceled: isPlanId(canceled),
    viewer: user ? (user.emailVerifiedAt ? ('confirmed' as const) : ('unconfirmed' as const)) : ('anonymous' as const),
    plans: PLAN_IDS.map((planId) => {
      const price = prices.find((p) => p.planId === planId && p.interval === interval)
      return { planId, price: price ? { unitAmount: price.unitAmount, currency: price.currency } : null }
    }),
  }
}

export const meta: Route.MetaFunction = titleMeta

export async function action({ request, context }: Route.ActionArgs) {
  return formAction(request, async () => {
    const user = await getUser(request)
    // Anonymous: log in (or sign up from there), then back to the plans.
    if (!user) return redirect('/login?redirectTo=%2Fpricing', 303)
    const form = await readForm(request)
    await checkRateLimit('checkout', context)
    const parsed = parseForm(form, CheckoutSchema)
    if (!parsed.ok) return rejectForm(400, { form: 'pricing.errors.unknownPlan' })
    return startCheckout(user, parsed.value.planId, parsed.value.interval)
  })
}

export default function Pricing({ loaderData, actionData }: Route.ComponentProps) {
  const { t, i18n } = useTranslation()
  const { plans, interval, intervals, trialDays, unavailable, canceled, viewer } = loaderData
  const submitting = useNavigation().state === 'submitting'
  const error = actionData && 'errors' in actionData ? actionData.errors.form : undefined
  return (
    <section className="pricing wide" aria-labelledby="pricing-title">
      <div className="card">
        <h1 id="pricing-title">{t('pricing.title')}</h1>
        <p>{trialDays > 0 ? t('pricing.intro', { days: trialDays }) : t('pricing.introNoTrial')}</p>
        {canceled ? <p role="status">{t('pricing.canceled')}</p> : null}
        {unavailable ? (
          <p role="alert" className="error">
            {t('pricing.unavailable')}
          </p>
        ) : null}
        {viewer === 'anonymous' ? <p className="hint">{t('pricing.signInFirst')}</p> : null}
        {viewer === 'unconfirmed' ? (
          <p className="hint" data-testid="confirm-first">
            {t('pricing.confirmFirst')}
          </p>
        ) : null}
        <FormError error={error} />
        {intervals.length > 1 ? (
          <nav className="interval-switch" aria-label={t('pricing.interval')}>
            {intervals.map((i) => (
              <Link key={i} to={`?interval=${i}`} aria-current={i === interval ? 'page' : undefined} preventScrollReset>
                {i === 'month' ? t('pricing.monthly') : t('pricing.yearly')}
              </Link>
            ))}
          </nav>
        ) : null}
      </div>
      <div className="plans">
        {plans.map(({ planId, price }) => (
          <article key={planId} className="card plan" data-testid={`plan-${planId}`} aria-labelledby={`plan-${planId}-name`}>
            <h2 id={`plan-${planId}-name`}>{t(`plans.${planId}.name`)}</h2>
            <p className="hint">{t(`plans.${planId}.description`)}</p>
            {price ? (
              <p className="price" data-testid="price">
                <strong>{formatMoney(price.unitAmount, price.currency, i18n.language)}</strong> {t(`plans.interval.${interval}`)}
              </p>
            ) : !unavailable ? (
              <p className="hint">{t('pricing.notAvailable')}</p>
            ) : null}
            <ul className="features">
              {PLAN_FEATURES[planId].map((feature) => (
                <li key={feature}>{t(`plans.${planId}.features.${feature}` as never)}</li>
              ))}
            </ul>
            {price ? (
              <Form method="post">
                <input type="hidden" name="planId" value={planId} />
                <input type="hidden" name="interval" value={interval} />
                <button type="submit" disabled={submitting} aria-label={trialDays > 0 ? t('pricing.startFor', { plan: t(`plans.${planId}.name`) }) : undefined}>
                  {trialDays > 0 ? t('pricing.start') : t('pricing.startNoTrial')}
                </button>
              </Form>
            ) : null}
          </article>
        ))}
      </div>
    </section>
  )
}
