import { createInstance, type i18n } from 'i18next'
import { initReactI18next } from 'react-i18next'
import { createContext, createCookie, type MiddlewareFunction, type RouterContextProvider } from 'react-router'
import { LanguageDetector } from 'remix-i18next/server'
import { env, isProduction } from '~/env.server'
import { isMachineEndpoint } from '~/http/machine-endpoints.server'
import { LOCALES, type Locale } from './locales'
import { uiResources } from './resources'

/** Set only by an explicit choice (the language switcher, or signing in with a saved language). */
export const localeCookie = createCookie('lng', {
  path: '/',
  sameSite: 'lax',
  secure: isProduction,
  httpOnly: true,
  maxAge: 60 * 60 * 24 * 365,
})

// remix-i18next's detection: the saved choice (cookie), then Accept-Language, then DEFAULT_LOCALE.
const detector = new LanguageDetector({
  // remix-i18next picks the fallback from the end of this list.
  supportedLanguages: [...LOCALES.filter((l) => l !== env.DEFAULT_LOCALE), env.DEFAULT_LOCALE],
  fallbackLanguage: env.DEFAULT_LOCALE,
  cookie: localeCookie,
  order: ['cookie', 'header'],
})

// One i18next instance per language, made once. remix-i18next's middleware makes (and initializes) a new
// instance on every request: with react-i18next's per-call copies of it, a sixth of a page's render time.
// Nothing changes an instance's language after this, so requests can share them.
const instances = new Map<Locale, i18n>(
  LOCALES.map((lng) => {
    const instance = createInstance({
      resources: uiResources,
      supportedLngs: [...LOCALES],
      lng,
      interpolation: { escapeValue: false },
      initAsync: false,
    })
    void instance.use(initReactI18next).init()
    return [lng, instance]
  }),
)

const localeContext = createContext<Locale>(env.DEFAULT_LOCALE)

export function getLocale(context: Readonly<RouterContextProvider>): Locale {
  return context.get(localeContext)
}

/**
 * A page that speaks to one known person rather than to the browser (the unsubscribe page, opened from
 * an email) sets their language, in its route middleware, before any loader reads it.
 */
export function setLocale(context: Readonly<RouterContextProvider>, locale: Locale) {
  ;(context as RouterContextProvider).set(localeContext, locale)
}

export function getInstance(context: Readonly<RouterContextProvider>): i18n {
  return instances.get(getLocale(context))!
}

export const i18nextMiddleware: MiddlewareFunction<Response> = async ({ request, context }, next) => {
  const { pathname } = new URL(request.url)
  if (!isMachineEndpoint(pathname)) {
    context.set(localeContext, (await detector.detect(request)) as Locale)
  }
  return next()
}
