import { useTranslation } from '~/i18n/translation'
import { Form, redirect } from 'react-router'
import type { Route } from './+types/settings.account'
import { deleteAccount } from '~/auth/account-deletion.server'
import { checkRateLimitOf, formAction, forwardActionHeaders, readForm, rejectForm } from '~/auth/form-guards.server'
import { DeleteAccountSchema } from '~/auth/schemas'
import { destroySessionCookie, requireUser } from '~/auth/session.server'
import { titleMeta } from '~/components/title-meta'
import { parseForm } from '~/http/parse-form.server'
import { getInstance } from '~/i18n/i18next.server'

export const headers = forwardActionHeaders

export async function loader({ request, context }: Route.LoaderArgs) {
  const user = await requireUser(request)
  return { title: getInstance(context).t('settings.account.title'), email: user.email }
}

export const meta: Route.MetaFunction = titleMeta

/**
 * Deletes the signed-in account once its password is confirmed (app/auth/account-deletion.server.ts),
 * then signs this browser out. Password attempts are limited per account, like sign-in, whatever the
 * client: a stolen session cannot guess its way to a deletion.
 */
export async function action({ request }: Route.ActionArgs) {
  return formAction(request, async () => {
    const user = await requireUser(request)
    const form = await readForm(request)
    await checkRateLimitOf('delete-account', user.id)
    const parsed = parseForm(form, DeleteAccountSchema)
    if (!parsed.ok) return rejectForm(400, parsed.errors)
    const result = await deleteAccount({ userId: user.id, password: parsed.value.password })
    if (!result.ok) return rejectForm(result.error === 'wrongPassword' ? 403 : 409, { password: 'settings.account.wrongPassword' })
    return redirect('/account-deleted', { headers: { 'Set-Cookie': await destroySessionCookie(request) } })
  })
}

export default function AccountSettings({ loaderData: { email }, actionData }: Route.ComponentProps) {
  const { t } = useTranslation()
  const errors = actionData && 'errors' in actionData ? actionData.errors : {}
  const error = errors.password ?? errors.form
  return (
    <section className="card">
      <h1>{t('settings.account.title')}</h1>
      <h2>{t('settings.account.deleteHeading')}</h2>
      <p>{t('settings.account.deleteIntro', { email })}</p>
      <ul>
        <li>{t('settings.account.deleted')}</li>
        <li>{t('settings.account.organizations')}</li>
        <li>{t('settings.account.kept')}</li>
      </ul>
      <Form method="post" className="danger-zone">
        <div className="field">
          <label htmlFor="password">{t('settings.account.password')}</label>
          <input
            id="password"
            name="password"
            type="password"
            autoComplete="current-password"
            required
            aria-invalid={error ? true : undefined}
            aria-describedby={error ? 'password-error' : undefined}
          />
          {error ? (
            <p id="password-error" className="error" role="alert">
              {t(error)}
            </p>
          ) : null}
        </div>
        <button type="submit" className="danger">
          {t('settings.account.submit')}
        </button>
      </Form>
    </section>
  )
}
