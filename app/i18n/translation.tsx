import { createContext, useContext, type ReactNode } from 'react'
import { useTranslation as useI18next, type FallbackNs, type UseTranslationResponse } from 'react-i18next'

type Translation = UseTranslationResponse<FallbackNs<undefined>, undefined>

const TranslationContext = createContext<Translation | null>(null)

/**
 * Subscribes to i18next once for the whole page. react-i18next's own hook copies the i18next instance's
 * property descriptors in every component that calls it during a server render (its memo starts empty
 * in each component): with about twenty components a page, that was 5 % of /signup's server time.
 * The value changes when the language does, so every reader renders again then, as with the hook.
 */
export function TranslationProvider({ children }: { children: ReactNode }) {
  return <TranslationContext.Provider value={useI18next()}>{children}</TranslationContext.Provider>
}

/** `t` and `i18n` for the interface's language: react-i18next's `useTranslation()`, read from one context. */
export function useTranslation(): Translation {
  const translation = useContext(TranslationContext)
  if (!translation) throw new Error('useTranslation() needs <TranslationProvider> (app/entry.server.tsx, app/entry.client.tsx)')
  return translation
}
