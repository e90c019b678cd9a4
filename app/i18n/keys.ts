import type { ParseKeys } from 'i18next'
import { uiResources } from './resources'

/** Every UI string's key (`errors.emailInvalid`, …): what validation messages and form errors are. */
export type UiKey = ParseKeys<'translation'>

const known = new Set<string>()
;(function collect(tree: object, prefix: string) {
  for (const [key, value] of Object.entries(tree)) {
    if (typeof value === 'string') known.add(prefix + key)
    else collect(value as object, `${prefix}${key}.`)
  }
})(uiResources.en.translation, '')

export function isUiKey(value: unknown): value is UiKey {
  return typeof value === 'string' && known.has(value)
}
