import { useTranslation } from '~/i18n/translation'
import { Link } from 'react-router'
import type { Route } from './+types/admin._index'
import { titleMeta } from '~/components/title-meta'
import { requireStudioUser } from '~/auth/roles.server'
import { getInstance } from '~/i18n/i18next.server'
import { ActivityQuerySchema, listFailures, listOutbox, outboxCounts } from '~/studio/activity.server'
import { OUTBOX_STATUSES } from '~/outbox/status'
import { DataTable } from '~/studio/ui/data-table'
import { DateTime } from '~/studio/ui/date-time'
import { inngestNotice } from '~/studio/inngest-notice.server'
import { InngestNoticeBanner } from '~/studio/ui/inngest-notice'

export async function loader({ request, context }: Route.LoaderArgs) {
  await requireStudioUser(request)
  const { status } = ActivityQuerySchema.parse(Object.fromEntries(new URL(request.url).searchParams))
  return {
    title: getInstance(context).t('studio.overview.title'),
    status: status ?? null,
    counts: outboxCounts(),
    events: listOutbox({ status }),
    failures: listFailures(),
    inngest: await inngestNotice(),
  }
}

export const meta: Route.MetaFunction = titleMeta

export default function StudioOverview({ loaderData: { status, counts, events, failures, inngest } }: Route.ComponentProps) {
  const { t } = useTranslation()
  return (
    <>
      <h1>{t('studio.overview.title')}</h1>
      <InngestNoticeBanner notice={inngest} />
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
        <DataTable
          testId="outbox"
          rows={events}
          empty={<p>{t('studio.outbox.empty')}</p>}
          columns={[t('studio.outbox.event'), t('studio.outbox.statusLabel'), t('studio.outbox.attempts'), t('studio.outbox.lastError'), t('studio.outbox.created')]}
        >
          {(e) => (
            <tr key={e.id}>
              <td>
                <Link to={`/admin/events/${encodeURIComponent(e.id)}`} translate="no">
                  {e.name}
                </Link>
                <div className="mono hint">{e.id}</div>
              </td>
              <td>
                <span className={`pill pill-${e.status}`}>{t(`studio.outbox.eventStatus.${e.status}`)}</span>
              </td>
              <td>{e.attempts}</td>
              <td className="error-text" translate="no">
                {e.lastError ?? '—'}
              </td>
              <td>
                <DateTime iso={e.createdAt} />
              </td>
            </tr>
          )}
        </DataTable>
      </section>
      <section aria-labelledby="failures-title" className="panel">
        <h2 id="failures-title">{t('studio.failures.title')}</h2>
        <DataTable
          testId="failures"
          rows={failures}
          empty={<p>{t('studio.failures.empty')}</p>}
          columns={[t('studio.failures.function'), t('studio.failures.event'), t('studio.failures.error'), t('studio.failures.when')]}
        >
          {(f) => (
            <tr key={f.id}>
              <td className="mono">{f.functionId}</td>
              <td>
                {f.eventId ? (
                  <Link to={`/admin/events/${encodeURIComponent(f.eventId)}`} translate="no">
                    {f.eventName ?? f.eventId}
                  </Link>
                ) : (
                  (f.eventName ?? '—')
                )}
              </td>
              <td className="error-text" translate="no">
                {f.error}
              </td>
              <td>
                <DateTime iso={f.createdAt} />
              </td>
            </tr>
          )}
        </DataTable>
      </section>
    </>
  )
}
