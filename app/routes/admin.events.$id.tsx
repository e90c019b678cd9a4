import { useTranslation } from '~/i18n/translation'
import { data, Link } from 'react-router'
import type { Route } from './+types/admin.events.$id'
import { requireStudioUser } from '~/auth/roles.server'
import { titleMeta } from '~/components/title-meta'
import { getInstance } from '~/i18n/i18next.server'
import { getEventDetail } from '~/studio/activity.server'
import { DateTime } from '~/studio/ui/date-time'

export async function loader({ request, params, context }: Route.LoaderArgs) {
  await requireStudioUser(request)
  const detail = getEventDetail(params.id)
  if (!detail.event && detail.messages.length === 0 && detail.failures.length === 0) throw data({ error: 'notFound' }, { status: 404 })
  const t = getInstance(context).t
  return { title: t('studio.event.title', { name: detail.event?.name ?? params.id }), id: params.id, ...detail }
}

export const meta: Route.MetaFunction = titleMeta

export default function EventDetail({ loaderData: { id, event, messages, failures } }: Route.ComponentProps) {
  const { t } = useTranslation()
  return (
    <>
      <p>
        <Link to="/admin">{t('studio.nav.overview')}</Link>
      </p>
      <h1 translate={event ? 'no' : undefined}>{event?.name ?? t('studio.event.notInOutbox')}</h1>
      <p className="mono hint">{id}</p>
      {event ? (
        <section className="panel">
          <dl className="envelope-summary">
            <dt>{t('studio.outbox.statusLabel')}</dt>
            <dd>
              <span className={`pill pill-${event.status}`}>{t(`studio.outbox.eventStatus.${event.status}`)}</span>
            </dd>
            <dt>{t('studio.outbox.attempts')}</dt>
            <dd>{event.attempts}</dd>
            <dt>{t('studio.outbox.created')}</dt>
            <dd>
              <DateTime iso={event.createdAt} />
            </dd>
            {event.sentAt ? (
              <>
                <dt>{t('studio.event.sentAt')}</dt>
                <dd>
                  <DateTime iso={event.sentAt} />
                </dd>
              </>
            ) : null}
            {event.lastError ? (
              <>
                <dt>{t('studio.outbox.lastError')}</dt>
                <dd className="error-text" translate="no">
                  {event.lastError}
                </dd>
              </>
            ) : null}
          </dl>
          <h2>{t('studio.event.data')}</h2>
          <pre className="json" tabIndex={0} role="region" aria-label={t('studio.event.data')}>
            {JSON.stringify(event.data, null, 2)}
          </pre>
        </section>
      ) : null}
      <section className="panel">
        <h2>{t('studio.event.messages')}</h2>
        {messages.length === 0 ? (
          <p>{t('studio.event.noMessages')}</p>
        ) : (
          <ul>
            {messages.map((m) => (
              <li key={m.id}>
                <Link to={`/admin/mailbox/${m.id}`} lang={m.locale}>
                  {m.subject}
                </Link>{' '}
                — {m.to} · <span className="mono">{m.template}</span> · <DateTime iso={m.createdAt} />
              </li>
            ))}
          </ul>
        )}
      </section>
      {failures.length ? (
        <section className="panel">
          <h2>{t('studio.failures.title')}</h2>
          <ul>
            {failures.map((f) => (
              <li key={f.id}>
                <span className="mono">{f.functionId}</span>:{' '}
                <span className="error-text" translate="no">
                  {f.error}
                </span>{' '}
                · <DateTime iso={f.createdAt} />
              </li>
            ))}
          </ul>
        </section>
      ) : null}
    </>
  )
}
