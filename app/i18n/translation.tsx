import { createContext, useContext, useMemo, type ReactNode } from 'react'
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
  const translation = useI18next()
  const value = useMemo(() => (import.meta.env.PROD ? remembering(translation) : translation), [translation])
  return <TranslationContext.Provider value={value}>{children}</TranslationContext.Provider>
}

/** `t` and `i18n` for the interface's language: react-i18next's `useTranslation()`, read from one context. */
export function useTranslation(): Translation {
  const translation = useContext(TranslationContext)
  if (!translation) throw new Error('useTranslation() needs <TranslationProvider> (app/entry.server.tsx, app/entry.client.tsx)')
  return translation
}

// A key without options always reads the same in one language once the strings are loaded, which is from
// the start in a build (development reloads strings, so it is not done there). i18next resolves a key in
// about 10 µs: the studio grid asks for the same few hundred badge and check names on every request.
const remembered = new WeakMap<object, Map<string, Map<string, string>>>()

function remembering(translation: Translation): Translation {
  const { t, i18n, ready } = translation
  if (!ready) return translation
  let languages = remembered.get(i18n)
  if (!languages) remembered.set(i18n, (languages = new Map()))
  let strings = languages.get(i18n.language)
  if (!strings) languages.set(i18n.language, (strings = new Map()))
  const known = strings
  const translate = t as unknown as (...args: unknown[]) => string
  const fast = ((...args: unknown[]) => {
    const key = args[0]
    if (args.length !== 1 || typeof key !== 'string') return translate(...args)
    let text = known.get(key)
    if (text === undefined) known.set(key, (text = translate(key)))
    return text
  }) as unknown as Translation['t']
  return Object.assign([fast, i18n, ready] as [Translation['t'], Translation['i18n'], boolean], { t: fast, i18n, ready }) as Translation
}
