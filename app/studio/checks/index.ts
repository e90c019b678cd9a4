import type { EmailCategory } from '~/email/categories'
import { checkCompat } from './compat'
import { checkHeaders, checkSender } from './headers'
import { checkImages } from './images'
import { checkLinks, type LinkCheckOptions } from './links'
import { parseEmailHtml } from './parse-html'
import { checkPreview } from './preview'
import { checkSemantics } from './semantics'
import { checkSize } from './size'
import type { CheckResult } from './types'
import { checkUntranslated, type UntranslatedOptions } from './untranslated'

export * from './types'
export { parseEmailHtml } from './parse-html'
export { loadCompatData } from './compat'

export type RenderedForChecks = { subject: string; previewText: string | null | undefined; html: string }
export type ChecksOptions = LinkCheckOptions &
  Omit<UntranslatedOptions, 'dataValues'> & {
    dataValues: readonly string[]
    /** The template's category and the headers sendEmail adds to it. */
    category: EmailCategory
    headers: Record<string, string>
    /** COMPANY_NAME and COMPANY_ADDRESS: every footer must show them. */
    company: { name: string; address: string }
  }

/**
 * Every check, for each language of one template rendered from one sample. Languages are checked
 * together because "untranslated" compares them with each other.
 */
export function runChecks(byLocale: Record<string, RenderedForChecks>, options: ChecksOptions): Record<string, CheckResult[]> {
  const parsed = Object.fromEntries(Object.entries(byLocale).map(([locale, r]) => [locale, parseEmailHtml(r.html)]))
  const untranslated = checkUntranslated(
    Object.fromEntries(Object.entries(byLocale).map(([locale, r]) => [locale, { subject: r.subject, previewText: r.previewText, segments: parsed[locale]!.segments }])),
    options,
  )
  return Object.fromEntries(
    Object.entries(byLocale).map(([locale, rendered]) => {
      const p = parsed[locale]!
      return [
        locale,
        [
          checkSize(rendered.html),
          checkImages(p),
          checkLinks(p, options),
          checkSemantics(rendered.html, rendered.subject),
          checkPreview(rendered, p),
          untranslated[locale]!,
          checkCompat(rendered.html),
          checkHeaders(options),
          checkSender(p, options.company),
        ],
      ]
    }),
  )
}
