import { useEffect, useRef } from 'react'
import { useTranslation } from '~/i18n/translation'
import { Form, useLocation } from 'react-router'
import { LOCALE_NAMES, LOCALES, type Locale } from '~/i18n/locales'
import { ChevronIcon, GlobeIcon } from './icons'

/**
 * The language menu: a `<details>` disclosure holding a plain form with one submit button per language,
 * each named in its own language ("Español", whatever the page's language). No JavaScript needed to open
 * it or to switch: the form posts to /language, which keeps the choice (cookie, profile) and sends the
 * visitor back to the page they were on. With JavaScript, Escape and a click elsewhere close it.
 */
export function LanguageSwitcher() {
  const { t, i18n } = useTranslation()
  const location = useLocation()
  const ref = useRef<HTMLDetailsElement>(null)
  const current = i18n.language as Locale
  useEffect(() => {
    const close = (event: Event) => {
      const menu = ref.current
      if (!menu?.open) return
      if (event instanceof KeyboardEvent) {
        if (event.key !== 'Escape') return
        menu.open = false
        menu.querySelector('summary')?.focus()
      } else if (!menu.contains(event.target as Node)) menu.open = false
    }
    document.addEventListener('keydown', close)
    document.addEventListener('click', close)
    return () => {
      document.removeEventListener('keydown', close)
      document.removeEventListener('click', close)
    }
  }, [])
  return (
    <details className="language-menu" ref={ref} data-testid="language-menu">
      <summary aria-label={`${t('language.label')}: ${LOCALE_NAMES[current] ?? current}`}>
        <GlobeIcon />
        <span lang={current}>{LOCALE_NAMES[current] ?? current}</span>
        <ChevronIcon className="chevron" />
      </summary>
      <Form method="post" action="/language" reloadDocument>
        <input type="hidden" name="redirectTo" value={location.pathname + location.search} />
        <ul aria-label={t('language.label')}>
          {LOCALES.map((lng) => (
            <li key={lng}>
              <button type="submit" name="lng" value={lng} lang={lng} aria-current={lng === current ? 'true' : undefined}>
                {LOCALE_NAMES[lng]}
              </button>
            </li>
          ))}
        </ul>
      </Form>
    </details>
  )
}
