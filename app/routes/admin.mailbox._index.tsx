import { useTranslation } from 'react-i18next'
import { Form, Link } from 'react-router'
import type { Route } from './+types/admin.mailbox._index'
import { requireStudioUser } from '~/auth/roles.server'
import { getInstance } from '~/i18n/i18next.server'
import { LOCALES } from '~/i18n/locales'
import { listMailbox, mailboxTemplates, parseMailboxQuery } from '~/studio/mailbox-view.server'
import { DateTime } from '~/studio/ui/date-time'

export async function loader({ request, context }: Route.LoaderArgs) {
  await requireStudioUser(request)
  const url = new URL(request.url)
  const query = parseMailboxQuery(url)
  const { messages, next } = listMailbox(query)
  const nextParams = new URLSearchParams(url.searchParams)
  if (next) nextParams.set('before', next)
  return {
    title: getInstance(context).t('studio.mailbox.title'),
    query: { to: query.to ?? '', template: query.template ?? '', locale: query.locale ?? '', eventId: query.eventId ?? '' },
    messages,
    nextHref: next ? `/admin/mailbox?${nextParams}` : null,
    templates: mailboxTemplates(),
  }
}

export const meta: Route.MetaFunction = ({ data }) => [{ title: data?.title ?? 'Courrier' }]

export default function Mailbox({ loaderData: { query, messages, nextHref, templates } }: Route.ComponentProps) {
  const { t } = useTranslation()
  return (
    <>
      <h1>{t('studio.mailbox.title')}</h1>
      <p className="hint">{t('studio.mailbox.intro')}</p>
      <Form method="get" className="filters-form" aria-label={t('studio.mailbox.filter')}>
        <div className="field">
          <label htmlFor="f-to">{t('studio.mailbox.to')}</label>
          <input id="f-to" name="to" type="search" defaultValue={query.to} />
        </div>
        <div className="field">
          <label htmlFor="f-template">{t('studio.mailbox.template')}</label>
          <select id="f-template" name="template" defaultValue={query.template}>
            <option value="">{t('studio.mailbox.any')}</option>
            {templates.map((tpl) => (
              <option key={tpl} value={tpl}>
                {tpl}
              </option>
            ))}
          </select>
        </div>
        <div className="field">
          <label htmlFor="f-locale">{t('studio.mailbox.locale')}</label>
          <select id="f-locale" name="locale" defaultValue={query.locale}>
            <option value="">{t('studio.mailbox.any')}</option>
            {LOCALES.map((l) => (
              <option key={l} value={l}>
                {t(`language.${l}`)}
              </option>
            ))}
          </select>
        </div>
        {query.eventId ? <input type="hidden" name="eventId" value={query.eventId} /> : null}
        <button type="submit">{t('studio.mailbox.apply')}</button>
        <Link to="/admin/mailbox">{t('studio.mailbox.reset')}</Link>
      </Form>
      {messages.length === 0 ? (
        <p data-testid="mailbox-empty">{t('studio.mailbox.empty')}</p>
      ) : (
        <div className="table-scroll">
          <table className="data" data-testid="mailbox">
            <thead>
              <tr>
                <th>{t('studio.mailbox.when')}</th>
                <th>{t('studio.mailbox.to')}</th>
                <th>{t('studio.mailbox.subject')}</th>
                <th>{t('studio.mailbox.template')}</th>
                <th>{t('studio.mailbox.locale')}</th>
                <th>{t('studio.mailbox.event')}</th>
              </tr>
            </thead>
            <tbody>
              {messages.map((m) => (
                <tr key={m.id} data-message-id={m.id}>
                  <td>
                    <DateTime iso={m.createdAt} />
                  </td>
                  <td>{m.to}</td>
                  <td lang={m.locale}>
                    <Link to={`/admin/mailbox/${m.id}`}>{m.subject}</Link>
                  </td>
                  <td className="mono">{m.template}</td>
                  <td>{m.locale}</td>
                  <td>{m.eventId ? <Link to={`/admin/events/${encodeURIComponent(m.eventId)}`} className="mono">{m.eventId.slice(0, 18)}</Link> : '—'}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      {nextHref ? (
        <p>
          <Link to={nextHref}>{t('studio.mailbox.older')}</Link>
        </p>
      ) : null}
    </>
  )
}
