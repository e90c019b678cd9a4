import { useTranslation } from '~/i18n/translation'
import type { TimelineEntry } from '~/engagement/analytics.server'
import { DateTime } from './date-time'

/** What happened to a message after it left, from Resend's webhooks, oldest first. */
export function MessageTimeline({ transport, sentAt, entries }: { transport: 'local' | 'resend'; sentAt: string; entries: TimelineEntry[] }) {
  const { t } = useTranslation()
  const label = (type: string) => t(`engagement.timeline.types.${type as 'email.sent'}`, { defaultValue: type })
  return (
    <section aria-labelledby="timeline-title" className="timeline" data-testid="message-timeline">
      <h2 id="timeline-title">{t('engagement.timeline.title')}</h2>
      {transport === 'local' && entries.length === 0 ? <p className="hint">{t('engagement.timeline.sentLocal')}</p> : null}
      <ol>
        <li>
          <DateTime iso={sentAt} /> — {transport === 'resend' ? t('engagement.timeline.handed') : t('studio.nav.mailbox')}
        </li>
        {entries.map((entry, index) => (
          <li key={index} data-type={entry.type}>
            <DateTime iso={entry.at} /> — <strong>{label(entry.type)}</strong>
            {entry.detail?.link ? <> · {t('engagement.timeline.link', { link: entry.detail.link })}</> : null}
            {entry.detail?.bounceType ? <> · {[entry.detail.bounceType, entry.detail.bounceSubType].filter(Boolean).join(' / ')}</> : null}
            {entry.detail?.bounceMessage ? <> · {entry.detail.bounceMessage}</> : null}
          </li>
        ))}
      </ol>
      {transport === 'resend' && entries.length === 0 ? <p className="hint">{t('engagement.timeline.waiting')}</p> : null}
    </section>
  )
}
