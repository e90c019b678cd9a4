import { LOCALES, type Locale } from '~/i18n/locales'
import { forAudience } from './audience.server'
import { htmlKilobytes } from './checks/size'
import type { CheckStatus } from './checks/types'
import { sampleRenders, type StudioView, type TemplateId } from './templates.server'

export type CompareColumn = { locale: Locale; subject: string; previewText: string; html: string; kb: number; status: CheckStatus }

const worst = (statuses: CheckStatus[]): CheckStatus => (statuses.includes('fail') ? 'fail' : statuses.includes('warn') ? 'warn' : 'pass')

/**
 * The same template and sample in every language, for the side-by-side view. One call to sampleRenders
 * renders the three languages once (and in production keeps them: the grid and thumbnails share them);
 * the frames get the HTML inline (srcdoc), so the page costs no second render per language.
 */
export async function compareColumns(template: TemplateId, sample: StudioView['sample']): Promise<CompareColumn[] | null> {
  const all = await sampleRenders(template, sample)
  if (!all) return null
  return LOCALES.map((locale) => {
    const { subject, previewText, html, checks } = all[locale]
    return { locale, subject, previewText, html, kb: htmlKilobytes(html), status: worst(forAudience(checks).map((c) => c.status)) }
  })
}
