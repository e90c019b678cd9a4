import { initReactI18next } from 'react-i18next'
import { createCookie } from 'react-router'
import { createI18nextMiddleware } from 'remix-i18next/middleware'
import { env, isProduction } from '~/env.server'
import { SUPPORTED_LOCALES, uiResources } from './resources'

/** Set only by an explicit choice (the language switcher, or signing in with a saved language). */
export const localeCookie = createCookie('lng', {
  path: '/',
  sameSite: 'lax',
  secure: isProduction,
  httpOnly: true,
  maxAge: 60 * 60 * 24 * 365,
})

const [detectLanguage, getLocale, getInstance] = createI18nextMiddleware({
  detection: {
    // remix-i18next picks the fallback from the end of this list.
    supportedLanguages: [...SUPPORTED_LOCALES.filter((l) => l !== env.DEFAULT_LOCALE), env.DEFAULT_LOCALE],
    fallbackLanguage: env.DEFAULT_LOCALE,
    cookie: localeCookie,
    order: ['cookie', 'header'],
  },
  i18next: { resources: uiResources, supportedLngs: [...SUPPORTED_LOCALES], interpolation: { escapeValue: false } },
  plugins: [initReactI18next],
})

export { getLocale, getInstance }

// Endpoints that machines call (Stripe, Inngest) show no page and need no language: skipping detection
// there saves an i18next instance per delivery.
const MACHINE_ENDPOINTS = ['/webhooks/', '/api/inngest']

export const i18nextMiddleware: typeof detectLanguage = (args, next) => {
  const { pathname } = new URL(args.request.url)
  if (MACHINE_ENDPOINTS.some((prefix) => pathname.startsWith(prefix))) return next()
  return detectLanguage(args, next)
}
