import { useTranslation } from 'react-i18next'
import { Link } from 'react-router'
import type { Route } from './+types/admin._index'
import { requireStudioUser } from '~/auth/roles.server'
import { getInstance } from '~/i18n/i18next.server'
import { ActivityQuerySchema, listFailures, listOutbox, outboxCounts } from '~/studio/activity.server'
import { OUTBOX_STATUSES } from '~/outbox/status'
import { DateTime } from '~/studio/ui/date-time'

export async function loader({ request, context }: Route.LoaderArgs) {
  await requireStudioUser(request)
  const { status } = ActivityQuerySchema.parse(Object.fromEntries(new URL(request.url).searchParams))
  return {
    title: getInstance(context).t('studio.overview.title'),
    status: status ?? null,
    counts: outboxCounts(),
    events: listOutbox({ status }),
    failures: listFailures(),
  }
}

export const meta: Route.MetaFunction = ({ data }) => [{ title: data?.title ?? 'Courrier' }]

export default function StudioOverview({ loaderData: { status, counts, events, failures } }: Route.ComponentProps) {
  const { t } = useTranslation()
  return (
    <>
      <h1>{t('studio.overview.title')}</h1>
      <section aria-labelledby="outbox-title" className="panel">
        <h2 id="outbox-title">{t('studio.outbox.title')}</h2>
        <p className="hint">{t('studio.outbox.intro')}</p>
        <ul className="filters" aria-label={t('studio.outbox.filter')}>
          <li>
            <Link to="/admin" aria-current={status === null ? 'page' : undefined}>
              {t('studio.outbox.all')} ({counts.pending + counts.sent + counts.failed})
            </Link>
          </li>
          {OUTBOX_STATUSES.map((s) => (
            <li key={s}>
              <Link to={`/admin?status=${s}`} aria-current={status === s ? 'page' : undefined} data-testid={`outbox-count-${s}`}>
                {t(`studio.outbox.status.${s}`)} ({counts[s]})
              </Link>
            </li>
          ))}
        </ul>
        {events.length === 0 ? (
          <p>{t('studio.outbox.empty')}</p>
        ) : (
          <div className="table-scroll">
            <table className="data" data-testid="outbox">
              <thead>
                <tr>
                  <th>{t('studio.outbox.event')}</th>
                  <th>{t('studio.outbox.statusLabel')}</th>
                  <th>{t('studio.outbox.attempts')}</th>
                  <th>{t('studio.outbox.lastError')}</th>
                  <th>{t('studio.outbox.created')}</th>
                </tr>
              </thead>
              <tbody>
                {events.map((e) => (
                  <tr key={e.id}>
                    <td>
                      <Link to={`/admin/events/${encodeURIComponent(e.id)}`}>{e.name}</Link>
                      <div className="mono hint">{e.id}</div>
                    </td>
                    <td>
                      <span className={`pill pill-${e.status}`}>{t(`studio.outbox.status.${e.status}`)}</span>
                    </td>
                    <td>{e.attempts}</td>
                    <td className="error-text">{e.lastError ?? '—'}</td>
                    <td>
                      <DateTime iso={e.createdAt} />
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        )}
      </section>
      <section aria-labelledby="failures-title" className="panel">
        <h2 id="failures-title">{t('studio.failures.title')}</h2>
        {failures.length === 0 ? (
          <p>{t('studio.failures.empty')}</p>
        ) : (
          <div className="table-scroll">
            <table className="data" data-testid="failures">
              <thead>
                <tr>
                  <th>{t('studio.failures.function')}</th>
                  <th>{t('studio.failures.event')}</th>
                  <th>{t('studio.failures.error')}</th>
                  <th>{t('studio.failures.when')}</th>
                </tr>
              </thead>
              <tbody>
                {failures.map((f) => (
                  <tr key={f.id}>
                    <td className="mono">{f.functionId}</td>
                    <td>{f.eventId ? <Link to={`/admin/events/${encodeURIComponent(f.eventId)}`}>{f.eventName ?? f.eventId}</Link> : (f.eventName ?? '—')}</td>
                    <td className="error-text">{f.error}</td>
                    <td>
                      <DateTime iso={f.createdAt} />
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        )}
      </section>
    </>
  )
}
