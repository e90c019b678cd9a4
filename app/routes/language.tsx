import { useTranslation } from '~/i18n/translation'
import { isRouteErrorResponse, Link, redirect } from 'react-router'
import type { Route } from './+types/language'
import { checkSameOrigin, forwardActionHeaders, readForm, rejectForm } from '~/auth/form-guards.server'
import { safeRedirect } from '~/auth/safe-redirect.server'
import { saveLanguage } from '~/auth/profile.server'
import { getUserId } from '~/auth/session.server'
import { DocumentTitle } from '~/components/document-title'
import { FormError } from '~/components/field'
import { localeCookie } from '~/i18n/i18next.server'
import { isUiKey } from '~/i18n/keys'
import { isLocale } from '~/i18n/locales'

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
  const key = isRouteErrorResponse(error) ? (error.data as { errors?: { form?: unknown } } | null)?.errors?.form : undefined
  return (
    <section className="card">
      <DocumentTitle title={t('errorPage.refusedTitle')} />
      <h1>{t('errorPage.refusedTitle')}</h1>
      <FormError error={isUiKey(key) ? key : 'errorPage.generic'} />
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
  if (!isLocale(lng)) throw rejectForm(400, { form: 'errors.invalidLanguage' })
  const to = safeRedirect(form.get('redirectTo'))
  const userId = await getUserId(request)
  if (userId) saveLanguage(userId, lng)
  return redirect(to, { headers: { 'Set-Cookie': await localeCookie.serialize(lng) } })
}
