import { redirect } from 'react-router'
import type { Route } from './+types/billing.portal'
import { formAction } from '~/auth/form-guards.server'
import { requireUser } from '~/auth/session.server'
import { openPortal } from '~/billing/pages.server'

/**
 * "Manage my subscription": a fresh Billing Portal session, then Stripe. A resource route: the GET from an
 * email's link (a link cannot carry a portal session: they expire within minutes) and the dashboard's
 * POST both answer with a redirect; when Stripe fails, to a page that says so.
 */
async function portal(request: Request) {
  const user = await requireUser(request)
  const answer = await openPortal(user)
  return answer instanceof Response ? answer : redirect('/billing/unavailable', 303)
}

export async function loader({ request }: Route.LoaderArgs) {
  return portal(request)
}

export async function action({ request }: Route.ActionArgs) {
  return formAction(request, () => portal(request))
}
