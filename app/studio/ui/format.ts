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
  const { names, kilobytes } = formattersFor(lang)
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

// Made once per language: the grid calls this hook in every cell, and each Intl object costs more to
// build than to use.
const formatters = new Map<string, { names: Intl.DisplayNames; kilobytes: Intl.NumberFormat }>()
function formattersFor(lang: string) {
  let made = formatters.get(lang)
  if (!made) {
    made = {
      names: new Intl.DisplayNames([lang], { type: 'language' }),
      kilobytes: new Intl.NumberFormat(lang, { style: 'unit', unit: 'kilobyte', unitDisplay: 'short', maximumFractionDigits: 1 }),
    }
    formatters.set(lang, made)
  }
  return made
}
