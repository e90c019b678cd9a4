import { createInstance } from 'i18next'
import { describe, expect, test } from 'vitest'
import type { EmailKey } from '#emails/types'
import { LOCALES } from '~/i18n/locales'
import { emailI18nextOptions, emailResources, emailTranslator } from './i18n.server'

function leaves(value: unknown, prefix = ''): string[] {
  if (typeof value === 'string') return [prefix]
  return Object.entries(value as Record<string, unknown>).flatMap(([k, v]) => leaves(v, prefix ? `${prefix}.${k}` : k))
}

// i18next as the translator was before strings without values were kept: translated on every call.
const reference = createInstance()
reference.init(emailI18nextOptions)

describe('the email translator', () => {
  test("gives i18next's string for every key in every language, on the first call and the next", () => {
    for (const locale of LOCALES) {
      const t = emailTranslator(locale)
      // As i18n.server.ts calls it (the app's i18next types know only the UI's namespace).
      const fixed = reference.getFixedT(locale, 'emails' as never) as unknown as (key: string) => string
      const keys = leaves(emailResources[locale]) as EmailKey[]
      expect(keys.length).toBeGreaterThan(50)
      for (const key of keys) {
        expect(t(key)).toBe(fixed(key))
        expect(t(key)).toBe(fixed(key))
      }
      // A key a locale lacks shows as the key (no fallback language), kept or not.
      expect(t('nope.missing' as EmailKey)).toBe('nope.missing')
      expect(t('nope.missing' as EmailKey)).toBe('nope.missing')
    }
  })

  test('interpolates values on every call: a kept string never carries another call’s values', () => {
    const t = emailTranslator('fr')
    const template = t('common.greeting')
    expect(template).toContain('{{name}}')
    expect(t('common.greeting', { name: 'Ada' })).toContain('Ada')
    expect(t('common.greeting', { name: 'Grace' })).toContain('Grace')
    expect(t('common.greeting', { name: 'Grace' })).not.toContain('Ada')
    expect(t('common.greeting')).toBe(template)
  })
})
