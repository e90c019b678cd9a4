import { useTranslation } from '~/i18n/translation'
import { data, Form } from 'react-router'
import type { Route } from './+types/settings.notifications'
import { checkRateLimit, formAction, forwardActionHeaders, readForm, rejectForm } from '~/auth/form-guards.server'
import { requireUser } from '~/auth/session.server'
import { titleMeta } from '~/components/title-meta'
import { LIFECYCLE_TOPICS } from '~/email/categories'
import { parseForm } from '~/http/parse-form.server'
import { getInstance } from '~/i18n/i18next.server'
import { preferencesOf, savePreferences } from '~/preferences/preferences.server'
import { PreferencesSchema } from '~/preferences/schemas'

export const headers = forwardActionHeaders

export async function loader({ request, context }: Route.LoaderArgs) {
  const user = await requireUser(request)
  return { title: getInstance(context).t('settings.notifications.title'), preferences: preferencesOf(user.id), confirmed: user.emailVerifiedAt !== null }
}

export const meta: Route.MetaFunction = titleMeta

/** Each list on or off; turning one off writes the suppression entry and `user/unsubscribed` together. */
export async function action({ request, context }: Route.ActionArgs) {
  return formAction(request, async () => {
    const user = await requireUser(request)
    const form = await readForm(request)
    await checkRateLimit('preferences', context)
    const parsed = parseForm(form, PreferencesSchema)
    if (!parsed.ok) return rejectForm(400, { form: 'errors.rejected' })
    const wanted = Object.fromEntries(LIFECYCLE_TOPICS.map((topic) => [topic, parsed.value[topic] === 'on'])) as Record<(typeof LIFECYCLE_TOPICS)[number], boolean>
    savePreferences(user.id, wanted)
    return data({ saved: true as const })
  })
}

export default function NotificationSettings({ loaderData: { preferences, confirmed }, actionData }: Route.ComponentProps) {
  const { t } = useTranslation()
  const formError = actionData && 'errors' in actionData ? actionData.errors.form : undefined
  return (
    <section className="card">
      <h1>{t('settings.notifications.title')}</h1>
      <p>{t('settings.notifications.intro')}</p>
      {actionData && 'saved' in actionData ? (
        <p role="status" className="success">
          {t('settings.notifications.saved')}
        </p>
      ) : null}
      {formError ? (
        <p role="alert" className="error form-error">
          {t(formError)}
        </p>
      ) : null}
      <Form method="post">
        {LIFECYCLE_TOPICS.map((topic) => (
          <div key={topic} className="toggle">
            <input id={`topic-${topic}`} type="checkbox" name={topic} value="on" defaultChecked={preferences[topic]} aria-describedby={`topic-${topic}-hint`} />
            <div>
              <label htmlFor={`topic-${topic}`}>{t(`settings.notifications.topic.${topic}.label`)}</label>
              <p id={`topic-${topic}-hint`} className="hint">
                {t(`settings.notifications.topic.${topic}.hint`)}
              </p>
            </div>
          </div>
        ))}
        {!confirmed ? <p className="hint">{t('settings.notifications.unconfirmed')}</p> : null}
        <button type="submit">{t('settings.notifications.submit')}</button>
      </Form>
    </section>
  )
}
