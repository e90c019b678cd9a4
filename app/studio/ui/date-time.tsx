import { dateTimeFormat } from '~/i18n/intl'
import { useTranslation } from '~/i18n/translation'

/** A UTC timestamp in the reader's language; UTC on both server and browser, so hydration matches. */
export function DateTime({ iso }: { iso: string }) {
  const { i18n } = useTranslation()
  const text = dateTimeFormat(i18n.language, { dateStyle: 'medium', timeStyle: 'medium', timeZone: 'UTC' }).format(new Date(iso))
  return (
    <time dateTime={iso} title={iso}>
      {text} UTC
    </time>
  )
}
