import { useTranslation } from 'react-i18next'
import { Link, redirect } from 'react-router'
import type { Route } from './+types/language'
import { formAction, forwardActionHeaders, readForm, rejectForm } from '~/auth/form-guards.server'
import { safeRedirect } from '~/auth/safe-redirect'
import { saveLanguage } from '~/auth/profile.server'
import { getUserId } from '~/auth/session.server'
import { FormError } from '~/components/field'
import { localeCookie } from '~/i18n/i18next.server'
import { isLocale } from '~/i18n/locales'

export const headers = forwardActionHeaders

export function loader() {
  return redirect('/')
}

/** Only shown when a switch is refused (a forged language or a cross-site post). */
export default function LanguageRefused({ actionData }: Route.ComponentProps) {
  const { t } = useTranslation()
  return (
    <section className="card">
      <FormError error={actionData?.errors.form} />
      <Link to="/">{t('errorPage.backHome')}</Link>
    </section>
  )
}

/** The language switcher: remembered in a cookie, and on the profile of a signed-in user. */
export async function action({ request }: Route.ActionArgs) {
  return formAction(request, async () => {
    const form = await readForm(request)
    const lng = form.get('lng')
    if (!isLocale(lng)) return rejectForm(400, { form: 'errors.invalidLanguage' })
    const userId = await getUserId(request)
    if (userId) saveLanguage(userId, lng)
    return redirect(safeRedirect(form.get('redirectTo')), {
      headers: { 'Set-Cookie': await localeCookie.serialize(lng) },
    })
  })
}
