import { displayNames, numberFormat } from '~/i18n/intl'
import { useTranslation } from '~/i18n/translation'

const capitalize = (text: string, lang: string) => text.charAt(0).toLocaleUpperCase(lang) + text.slice(1)

/**
 * Words and numbers the studio shows in the interface's language: a language named in that language
 * ("anglais" in a French sentence, not "English"), sizes with its decimal mark and unit ("6,4 ko"),
 * and the registry's descriptions and sample names, which are kept in locales/ like every UI string.
 */
export function useStudioFormat() {
  const { t, i18n } = useTranslation()
  const lang = i18n.language
  // Kept per language (app/i18n/intl.ts): the grid calls this hook in every cell.
  const names = displayNames(lang, { type: 'language' })
  const kilobytes = numberFormat(lang, { style: 'unit', unit: 'kilobyte', unitDisplay: 'short', maximumFractionDigits: 1 })
  const translate = t as unknown as (key: string) => string
  return {
    /** Inside a sentence: lower case where the language writes it so ("en anglais", "en inglés"). */
    languageName: (locale: string) => names.of(locale) ?? locale,
    /** On its own (a row header, a menu option): capitalised. */
    languageLabel: (locale: string) => capitalize(names.of(locale) ?? locale, lang),
    kb: (value: number) => kilobytes.format(value),
    templateDescription: (id: string) => translate(`studio.templates.${id}`),
    sampleLabel: (key: string) => translate(`studio.sampleLabels.${key}`),
  }
}
