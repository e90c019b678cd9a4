import { isSupportedLocale, type SupportedLocale } from '~/i18n/resources'

/** Stripe's preferred locales look like `fr`, `fr-FR` or `es-419`; Courrier speaks fr, en and es. */
export function supportedLocaleOf(stripeLocale: string | null | undefined): SupportedLocale | null {
  const language = stripeLocale?.toLowerCase().split(/[-_]/)[0]
  return isSupportedLocale(language) ? language : null
}
