import { redirect } from 'react-router'
import { rejectForm } from '~/auth/form-guards.server'
import type { UiKey } from '~/i18n/keys'
import { createCheckoutSession, createPortalSession, StripeUnavailableError, type CheckoutUser } from './checkout.server'
import type { Interval, PlanId } from './plans'

/** A user as the session gives it: whether their address is confirmed decides whether they may check out. */
type SignedInUser = CheckoutUser & { emailVerifiedAt: Date | null }

function stripeRefusal(error: unknown, key: UiKey) {
  if (!(error instanceof StripeUnavailableError)) throw error
  // Logged without the user or anything they typed: Stripe's message and request id only.
  console.warn(`billing: ${error.message}`)
  return rejectForm(503, { form: key }, {}, { 'Retry-After': '30' })
}

/**
 * "Start my trial": a confirmed address is required (a localized refusal otherwise); someone who already
 * subscribes is sent to the portal instead of paying twice; everyone else to a new Checkout Session.
 * Stripe refusing or timing out writes nothing and says so.
 */
export async function startCheckout(user: SignedInUser, planId: PlanId, interval: Interval) {
  if (!user.emailVerifiedAt) return rejectForm(403, { form: 'pricing.errors.unconfirmed' }, { planId, interval })
  try {
    const portal = await createPortalSession(user)
    if (portal) return redirect(portal.url, 303)
    const checkout = await createCheckoutSession(user, planId, interval)
    if (!checkout) return rejectForm(409, { form: 'pricing.errors.noPrice' }, { planId, interval })
    return redirect(checkout.url, 303)
  } catch (error) {
    return stripeRefusal(error, 'pricing.errors.stripe')
  }
}

/** "Manage my subscription": the Billing Portal, or /pricing for someone with no subscription. */
export async function openPortal(user: CheckoutUser) {
  try {
    const portal = await createPortalSession(user)
    return redirect(portal ? portal.url : '/pricing', 303)
  } catch (error) {
    return stripeRefusal(error, 'billingPortal.unavailable')
  }
}
