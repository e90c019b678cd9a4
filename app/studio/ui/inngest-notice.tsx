import { useTranslation } from '~/i18n/translation'
import type { InngestNotice } from '../inngest-notice.server'

/** The studio's plain word when the Inngest dev server is down: why nothing leaves, how to fix it, what waits. */
export function InngestNoticeBanner({ notice }: { notice: InngestNotice | null }) {
  const { t } = useTranslation()
  if (!notice) return null
  return (
    <section className="banner warning inngest-notice" aria-labelledby="inngest-notice-title" data-testid="inngest-notice">
      <h2 id="inngest-notice-title">{t('studio.inngest.title')}</h2>
      <p>{t('studio.inngest.start')}</p>
      <pre>
        <code translate="no" data-testid="inngest-command">
          {notice.command}
        </code>
      </pre>
      <p data-testid="inngest-waiting">{t('studio.inngest.waiting', { count: notice.waiting })}</p>
    </section>
  )
}
