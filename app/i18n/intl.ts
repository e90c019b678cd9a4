// Intl formatters cost far more to build than to use (tens of microseconds against one), and pages such
// as the studio grid format in every cell: each formatter is built once per language and options.
type Formatter = Intl.NumberFormat | Intl.DateTimeFormat | Intl.DisplayNames
const made = new Map<string, Formatter>()

function once<F extends Formatter>(kind: string, lang: string, options: object | undefined, build: () => F): F {
  const key = `${kind}|${lang}|${options ? JSON.stringify(options) : ''}`
  let format = made.get(key) as F | undefined
  if (!format) made.set(key, (format = build()))
  return format
}

/** `new Intl.NumberFormat(lang, options)`, kept. */
export const numberFormat = (lang: string, options?: Intl.NumberFormatOptions) => once('number', lang, options, () => new Intl.NumberFormat(lang, options))

/** `new Intl.DateTimeFormat(lang, options)`, kept. */
export const dateTimeFormat = (lang: string, options?: Intl.DateTimeFormatOptions) => once('date', lang, options, () => new Intl.DateTimeFormat(lang, options))

/** `new Intl.DisplayNames([lang], options)`, kept. */
export const displayNames = (lang: string, options: Intl.DisplayNamesOptions) => once('names', lang, options, () => new Intl.DisplayNames([lang], options))
