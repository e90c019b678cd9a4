import { isLocale, type Locale } from '~/i18n/locales'

/** Stripe's preferred locales look like `fr`, `fr-FR` or `es-419`; Courrier speaks fr, en and es. */
export function supportedLocaleOf(stripeLocale: string | null | undefined): Locale | null {
  const language = stripeLocale?.toLowerCase().split(/[-_]/)[0]
  return isLocale(language) ? language : null
}
