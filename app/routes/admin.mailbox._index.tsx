import { useTranslation } from '~/i18n/translation'
import { data, Form, Link, redirect } from 'react-router'
import type { Route } from './+types/admin.mailbox._index'
import { titleMeta } from '~/components/title-meta'
import { requireStudioUser } from '~/auth/roles.server'
import { getInstance } from '~/i18n/i18next.server'
import { LOCALES } from '~/i18n/locales'
import { clearLocalMailbox, listMailbox, localMessageCount, mailboxTemplates, parseMailboxQuery } from '~/studio/mailbox-view.server'
import { isProduction } from '~/env.server'
import { formAction, readForm } from '~/auth/form-guards.server'
import { useStudioFormat } from '~/studio/ui/format'
import { DataTable } from '~/studio/ui/data-table'
import { DateTime } from '~/studio/ui/date-time'

export const meta: Route.MetaFunction = titleMeta

export async function loader({ request, context }: Route.LoaderArgs) {
  await requireStudioUser(request)
  const url = new URL(request.url)
  const query = parseMailboxQuery(url)
  const { messages, next } = listMailbox(query)
  const nextParams = new URLSearchParams(url.searchParams)
  if (next) nextParams.set('before', next)
  return {
    title: getInstance(context).t('studio.mailbox.title'),
    query: { to: query.to ?? '', subject: query.subject ?? '', template: query.template ?? '', locale: query.locale ?? '', eventId: query.eventId ?? '' },
    messages,
    nextHref: next ? `/admin/mailbox?${nextParams}` : null,
    templates: mailboxTemplates(),
    // Clearing exists in development only; in production the mailbox is the record of what was sent.
    clear: isProduction ? null : { confirming: url.searchParams.get('clear') === 'confirm', count: localMessageCount(), cleared: Number(url.searchParams.get('cleared')) || null },
  }
}

/** Clear the local mailbox: development only (404 in production, as if the action did not exist), after a confirmation. */
export async function action({ request }: Route.ActionArgs) {
  await requireStudioUser(request)
  if (isProduction) throw data({ error: 'notFound' }, { status: 404 })
  return formAction(request, async () => {
    const form = await readForm(request)
    if (form.get('intent') !== 'clear') return data({ error: 'rejected' }, { status: 400 })
    return redirect(`/admin/mailbox?cleared=${clearLocalMailbox()}`)
  })
}

export default function Mailbox({ loaderData: { query, messages, nextHref, templates, clear } }: Route.ComponentProps) {
  const { t } = useTranslation()
  const { languageLabel } = useStudioFormat()
  return (
    <>
      <h1>{t('studio.mailbox.title')}</h1>
      <p className="hint">{t('studio.mailbox.intro')}</p>
      {clear?.cleared ? (
        <p className="banner success" role="status" data-testid="mailbox-cleared">
          {t('studio.mailbox.cleared', { count: clear.cleared })}
        </p>
      ) : null}
      {clear?.confirming ? (
        <section className="banner warning" aria-labelledby="clear-title" data-testid="clear-confirm">
          <h2 id="clear-title">{t('studio.mailbox.clearTitle')}</h2>
          <p>{t('studio.mailbox.clearConfirm', { count: clear.count })}</p>
          <Form method="post" className="clear-form">
            <input type="hidden" name="intent" value="clear" />
            <button type="submit" className="danger" data-testid="clear-submit">
              {t('studio.mailbox.clearYes', { count: clear.count })}
            </button>
            <Link to="/admin/mailbox">{t('studio.mailbox.clearCancel')}</Link>
          </Form>
        </section>
      ) : null}
      <Form method="get" className="filters-form" aria-label={t('studio.mailbox.filter')}>
        <div className="field">
          <label htmlFor="f-to">{t('studio.mailbox.to')}</label>
          <input id="f-to" name="to" type="search" defaultValue={query.to} />
        </div>
        <div className="field">
          <label htmlFor="f-subject">{t('studio.mailbox.subject')}</label>
          <input id="f-subject" name="subject" type="search" defaultValue={query.subject} />
        </div>
        <FilterSelect name="template" label={t('studio.mailbox.template')} value={query.template} options={templates.map((tpl) => [tpl, tpl])} identifiers />
        <FilterSelect name="locale" label={t('studio.mailbox.locale')} value={query.locale} options={LOCALES.map((l) => [l, languageLabel(l)])} />
        {query.eventId ? <input type="hidden" name="eventId" value={query.eventId} /> : null}
        <button type="submit">{t('studio.mailbox.apply')}</button>
        <Link to="/admin/mailbox">{t('studio.mailbox.reset')}</Link>
      </Form>
      <DataTable
        testId="mailbox"
        rows={messages}
        empty={<p data-testid="mailbox-empty">{t('studio.mailbox.empty')}</p>}
        columns={[
          t('studio.mailbox.when'),
          t('studio.mailbox.to'),
          t('studio.mailbox.subject'),
          t('studio.mailbox.template'),
          t('studio.mailbox.locale'),
          t('studio.mailbox.event'),
        ]}
      >
        {(m) => (
          <tr key={m.id} data-message-id={m.id}>
            <td>
              <DateTime iso={m.createdAt} />
            </td>
            <td>{m.to}</td>
            <td lang={m.locale}>
              <Link to={`/admin/mailbox/${m.id}`}>{m.subject}</Link>
            </td>
            <td className="mono">{m.template}</td>
            <td>{languageLabel(m.locale)}</td>
            <td>
              {m.eventId ? (
                <Link to={`/admin/events/${encodeURIComponent(m.eventId)}`} className="mono">
                  {m.eventId.slice(0, 18)}
                </Link>
              ) : (
                '—'
              )}
            </td>
          </tr>
        )}
      </DataTable>
      {nextHref ? (
        <p>
          <Link to={nextHref}>{t('studio.mailbox.older')}</Link>
        </p>
      ) : null}
      {clear && !clear.confirming && clear.count > 0 ? (
        <p className="hint">
          <Link to="/admin/mailbox?clear=confirm" data-testid="clear-link">
            {t('studio.mailbox.clearLink')}
          </Link>{' '}
          {t('studio.mailbox.clearDevOnly')}
        </p>
      ) : null}
    </>
  )
}

/** One filter of the mailbox: a labelled select with "any" first. */
function FilterSelect({
  name,
  label,
  value,
  options,
  identifiers,
}: {
  name: string
  label: string
  value?: string
  options: Array<[value: string, label: string]>
  identifiers?: boolean
}) {
  const { t } = useTranslation()
  return (
    <div className="field">
      <label htmlFor={`f-${name}`}>{label}</label>
      <select id={`f-${name}`} name={name} defaultValue={value}>
        <option value="">{t('studio.mailbox.any')}</option>
        {options.map(([optionValue, optionLabel]) => (
          <option key={optionValue} value={optionValue} translate={identifiers ? 'no' : undefined}>
            {optionLabel}
          </option>
        ))}
      </select>
    </div>
  )
}
