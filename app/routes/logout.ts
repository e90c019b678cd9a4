import { redirect } from 'react-router'
import type { Route } from './+types/logout'
import { formAction, forwardActionHeaders } from '~/auth/form-guards.server'
import { destroySessionCookie } from '~/auth/session.server'

export const headers = forwardActionHeaders

// Signing out changes state, so it is a POST; a GET only goes home.
export function loader() {
  return redirect('/')
}

export async function action({ request }: Route.ActionArgs) {
  return formAction(request, async () => {
    return redirect('/', { headers: { 'Set-Cookie': await destroySessionCookie(request) } })
  })
}
