import { useTranslation } from '~/i18n/translation'
import { data, Link, useSearchParams } from 'react-router'
import type { Route } from './+types/admin.mailbox.$id'
import { titleMeta } from '~/components/title-meta'
import { requireStudioUser } from '~/auth/roles.server'
import { messageDelivery, messageTimeline } from '~/engagement/analytics.server'
import { getMailboxMessage, messageHeaders } from '~/studio/mailbox-view.server'
import { DateTime } from '~/studio/ui/date-time'
import { MessageTimeline } from '~/studio/ui/message-timeline'

export async function loader({ request, params }: Route.LoaderArgs) {
  await requireStudioUser(request)
  const message = getMailboxMessage(params.id)
  if (!message) throw data({ error: 'notFound' }, { status: 404 })
  // The HTML is shown by a sandboxed frame from its own URL; the page carries only the text.
  const { html: _html, ...rest } = message
  const delivery = messageDelivery(message.id)
  const timeline = delivery ? messageTimeline(delivery) : []
  return { title: message.subject, message: rest, headers: messageHeaders(message), transport: delivery?.transport ?? 'local', timeline }
}

export const meta: Route.MetaFunction = titleMeta

const TABS = ['html', 'text', 'headers'] as const

export default function MailboxMessage({ loaderData: { message, headers, transport, timeline } }: Route.ComponentProps) {
  const { t } = useTranslation()
  const [search] = useSearchParams()
  const tab = TABS.find((x) => x === search.get('tab')) ?? 'html'
  return (
    <>
      <p>
        <Link to="/admin/mailbox">{t('studio.mailbox.back')}</Link>
      </p>
      <h1 lang={message.locale} data-testid="message-subject">
        {message.subject}
      </h1>
      <dl className="envelope-summary">
        <dt>{t('studio.envelope.from')}</dt>
        <dd>{message.from}</dd>
        <dt>{t('studio.mailbox.to')}</dt>
        <dd data-testid="message-to">{message.to}</dd>
        <dt>{t('studio.mailbox.when')}</dt>
        <dd>
          <DateTime iso={message.createdAt} />
        </dd>
        <dt>{t('studio.mailbox.template')}</dt>
        <dd className="mono">
          {message.template} · {message.locale}
        </dd>
        <dt>{t('studio.mailbox.event')}</dt>
        <dd>
          {message.eventId ? (
            <Link to={`/admin/events/${encodeURIComponent(message.eventId)}`} className="mono" data-testid="message-event">
              {message.eventId}
            </Link>
          ) : (
            '—'
          )}
        </dd>
      </dl>
      <p className="downloads">
        <a href={`/admin/mailbox/${message.id}/eml`} download data-testid="message-eml">
          {t('studio.mailbox.downloadEml')}
        </a>
      </p>
      <MessageTimeline transport={transport} sentAt={message.createdAt} entries={timeline} />
      <nav className="segmented" aria-label={t('studio.detail.tabs')}>
        {TABS.map((x) => (
          <Link key={x} to={`?tab=${x}`} aria-current={x === tab ? 'true' : undefined}>
            {t(`studio.mailbox.tab.${x}`)}
          </Link>
        ))}
      </nav>
      {tab === 'html' ? (
        <iframe
          className="email-frame"
          title={message.subject}
          src={`/admin/mailbox/${message.id}/html`}
          sandbox="allow-popups allow-popups-to-escape-sandbox"
          width={640}
          height={900}
        />
      ) : null}
      {tab === 'text' ? (
        <pre className="source" data-testid="message-text" lang={message.locale} tabIndex={0}>
          {message.text}
        </pre>
      ) : null}
      {tab === 'headers' ? (
        <table className="data" data-testid="message-headers">
          <tbody>
            {headers.map(([name, value]) => (
              <tr key={name}>
                <th scope="row" className="mono" translate="no">
                  {name}
                </th>
                <td className="mono">{value}</td>
              </tr>
            ))}
          </tbody>
        </table>
      ) : null}
    </>
  )
}
