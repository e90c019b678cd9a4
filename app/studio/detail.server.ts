import type { TemplateInput } from '~/email/registry.server'
import { env } from '~/env.server'
import { LOCALES, type Locale } from '~/i18n/locales'
import { renderAllLocales, sampleData, studioEnvelope, type LocaleRender, type TemplateId } from './templates.server'
import { htmlKilobytes } from './checks/size'
import type { CheckResult } from './checks/types'
import { audienceFamilies, forAudience } from './audience.server'
import { highlightedSource } from './source.server'

export type DetailRender = {
  /** Subject, preview text and checks of every language (the locale switcher shows them all). */
  locales: Record<Locale, { subject: string; previewText: string; kb: number; checks: CheckResult[] }>
  /** The selected language in full. */
  selected: { locale: Locale; subject: string; previewText: string; html: string; text: string }
  envelope: { from: string; headers: Record<string, string> }
  /** The client families the compatibility matrix shows (STUDIO_EMAIL_CLIENTS). */
  families: string[]
  /** The selected language's HTML indented and highlighted (spans with classes), when the source tab asks for it. */
  source?: string
}

/** What the detail view shows for a template, a language and some event data (a sample, or an edit). */
export async function detailRender(template: TemplateId, locale: Locale, input: TemplateInput<TemplateId>, { source = false } = {}): Promise<DetailRender> {
  const all = await renderAllLocales(template, input)
  const selected: LocaleRender = all[locale]
  return {
    locales: Object.fromEntries(
      LOCALES.map((l) => [l, { subject: all[l].subject, previewText: all[l].previewText, kb: htmlKilobytes(all[l].html), checks: forAudience(all[l].checks) }]),
    ) as DetailRender['locales'],
    selected: { locale, subject: selected.subject, previewText: selected.previewText, html: selected.html, text: selected.text },
    // The headers sendEmail adds (List-Unsubscribe for lifecycle email), with the event id a real send fills in.
    envelope: { from: env.EMAIL_FROM, headers: studioEnvelope(template, input).headers },
    families: audienceFamilies(),
    ...(source ? { source: await highlightedSource(selected.html) } : {}),
  }
}

export function sampleJson(template: TemplateId, sample: string): string {
  return JSON.stringify(sampleData(template, sample), null, 2)
}
