import { eq } from 'drizzle-orm'
import { useTranslation } from 'react-i18next'
import { isRouteErrorResponse, Link, redirect } from 'react-router'
import type { Route } from './+types/language'
import { checkSameOrigin, forwardActionHeaders, readForm, rejectForm } from '~/auth/form-guards.server'
import { safeRedirect } from '~/auth/safe-redirect.server'
import { getUserId } from '~/auth/session.server'
import { FormError } from '~/components/field'
import { db } from '~/db/client.server'
import { users } from '~/db/schema'
import { localeCookie } from '~/i18n/i18next.server'
import { isSupportedLocale } from '~/i18n/resources'

export const headers = forwardActionHeaders

export function loader() {
  return redirect('/')
}

export default function Language() {
  return null
}

/** Shown when a switch is refused (a forged language, a cross-site or oversized post), with its status. */
export function ErrorBoundary({ error }: Route.ErrorBoundaryProps) {
  const { t } = useTranslation()
  const key = isRouteErrorResponse(error) ? (error.data as { errors?: { form?: string } } | null)?.errors?.form : undefined
  return (
    <section className="card">
      <FormError error={key ?? 'errorPage.generic'} />
      <Link to="/">{t('errorPage.backHome')}</Link>
    </section>
  )
}

/**
 * The language switcher: remembered in a cookie, and on the profile of a signed-in user. Refusals are
 * thrown, to the error boundary: a returned one would be answered with the loader's redirect home.
 */
export async function action({ request }: Route.ActionArgs) {
  checkSameOrigin(request)
  const form = await readForm(request)
  const lng = form.get('lng')
  if (!isSupportedLocale(lng)) throw rejectForm(400, { form: 'errors.invalidLanguage' })
  const to = safeRedirect(form.get('redirectTo'))
  const userId = await getUserId(request)
  if (userId) db.update(users).set({ language: lng }).where(eq(users.id, userId)).run()
  return redirect(to, { headers: { 'Set-Cookie': await localeCookie.serialize(lng) } })
}
