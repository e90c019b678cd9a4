import { randomUUID } from 'node:crypto'
import { emailResources } from '#locales/emails.server'
import type { z } from 'zod'
import type { EmailCategory, LifecycleTopic } from '~/email/categories'
import { listUnsubscribe } from '~/email/envelope.server'
import { emailIdempotencyKey } from '~/email/message.server'
import { templates, TEMPLATE_IDS, isTemplateId, type TemplateId, type TemplateInput } from '~/email/registry.server'
import { renderEmail, type RenderedEmail } from '~/email/render.server'
import { env, isProduction } from '~/env.server'
import { isLocale, LOCALES, type Locale } from '~/i18n/locales'
import { eventCatalogue, type EventName } from '~/events'
import { loadCompatData, runChecks, type CheckResult } from './checks'
import { htmlKilobytes } from './checks/size'
import { flattenKeys, stringValues } from './checks/untranslated'

export { TEMPLATE_IDS, isTemplateId, type TemplateId }

type SampleInfo = { key: string; label: string }
export type TemplateInfo = {
  id: TemplateId
  event: EventName
  /** transactional or lifecycle (and then its list), as the registry declares it. */
  category: EmailCategory
  topic: LifecycleTopic | null
  description: string
  samples: SampleInfo[]
  /** The fields the step reads fresh when it sends (the event's context), shown beside the event's own. */
  contextFields: string[]
}

const samplesOf = (event: EventName) => eventCatalogue[event].samples as Record<string, { label: string; data: object; context?: object }>
const contextSchemaOf = (id: TemplateId) => eventCatalogue[templates[id].event].context as z.ZodObject | undefined

/** The registry as the studio shows it: each template's event, description and named samples. */
export function templateInfo(id: TemplateId): TemplateInfo {
  const definition = templates[id]
  const all = samplesOf(definition.event)
  return {
    id,
    event: definition.event,
    category: definition.kind.category,
    topic: definition.kind.category === 'lifecycle' ? definition.kind.topic : null,
    description: definition.description,
    samples: definition.samples.map((key) => ({ key, label: all[key]?.label ?? key })),
    contextFields: Object.keys(contextSchemaOf(id)?.shape ?? {}),
  }
}

/** A sample as the studio's editor shows it: the event's data and the step's context, side by side in one object. */
export function sampleData(id: TemplateId, sample: string): object | undefined {
  const found = samplesOf(templates[id].event)[sample]
  return found && { ...found.data, ...found.context }
}

export type StudioView = {
  template: TemplateId
  locale: Locale
  sample: string
  width: 'desktop' | 'mobile'
  tab: 'email' | 'text' | 'source' | 'envelope'
  /** The email as apps that force dark mode show it (colours inverted). */
  dark: boolean
}

/** The view a URL asks for, with anything missing or unknown replaced by the default: links never break. */
export function resolveView(template: TemplateId, search: URLSearchParams, uiLocale: string): StudioView {
  const info = templateInfo(template)
  const locale = [search.get('locale'), uiLocale, env.DEFAULT_LOCALE].find(isLocale)!
  const requested = search.get('sample')
  const sample = info.samples.some((s) => s.key === requested) ? requested! : info.samples[0]!.key
  const width = search.get('width') === 'mobile' ? 'mobile' : 'desktop'
  const tabs = ['email', 'text', 'source', 'envelope'] as const
  const tab = tabs.find((t) => t === search.get('tab')) ?? 'email'
  return { template, locale, sample, width, tab, dark: search.get('dark') === '1' }
}

// Every email key of every language: one showing up in a rendering is a t() call that found nothing.
const knownKeys = new Set<string>()
for (const resource of Object.values(emailResources)) flattenKeys(resource, '', knownKeys)

/**
 * Texts a translator confirmed are right as they are: the same word in both languages. Add an entry
 * here, rather than silencing the check, when "identical to another language" is correct.
 */
export const ACCEPTED_IDENTICAL: Record<string, string[]> = { es: ['Plan'] }

/**
 * The headers and unsubscribe link sendEmail gives this template, for the sample's user: the same
 * function derives them (a preview link works like a real one for a user who exists).
 */
export function studioEnvelope(id: TemplateId, input: TemplateInput<TemplateId>) {
  const kind = templates[id].kind
  const headers: Record<string, string> = { 'X-Entity-Ref-ID': emailIdempotencyKey(id, '{event id}') }
  if (kind.category !== 'lifecycle') return { headers, unsubscribeUrl: null }
  const userId = String((input.data as { userId?: unknown }).userId ?? 'usr_sample')
  const unsubscribe = listUnsubscribe({ userId, topic: kind.topic, version: 0 })
  return { headers: { ...headers, ...unsubscribe.headers }, unsubscribeUrl: unsubscribe.url }
}

function checkOptions(id: TemplateId, data: unknown, headers: Record<string, string>) {
  const fromName = env.EMAIL_FROM.replace(/<[^>]*>/, '').trim()
  return {
    category: templates[id].kind.category,
    headers,
    company: { name: env.COMPANY_NAME, address: env.COMPANY_ADDRESS },
    production: isProduction,
    appUrl: env.APP_URL,
    knownKeys,
    dataValues: stringValues(data),
    sameEverywhere: ['Courrier', env.COMPANY_NAME, env.COMPANY_ADDRESS, ...(fromName ? [fromName] : [])],
    sourceLocale: 'en',
    accepted: ACCEPTED_IDENTICAL,
  }
}

export type LocaleRender = RenderedEmail & { checks: CheckResult[] }

/** One template, one sample, every language, through the same renderEmail the functions send with, then checked. */
export async function renderAllLocales(id: TemplateId, input: TemplateInput<TemplateId>): Promise<Record<Locale, LocaleRender>> {
  const rendered = {} as Record<Locale, RenderedEmail>
  const envelope = studioEnvelope(id, input)
  for (const locale of LOCALES) rendered[locale] = await renderEmail(id, input, locale, { unsubscribeUrl: envelope.unsubscribeUrl })
  await loadCompatData()
  const checks = runChecks(rendered, checkOptions(id, { ...(input.data as object), ...(input.context as object | undefined) }, envelope.headers))
  return Object.fromEntries(LOCALES.map((l) => [l, { ...rendered[l], checks: checks[l]! }])) as Record<Locale, LocaleRender>
}

export type GridCell = { locale: Locale; subject: string; previewText: string; kb: number; checks: CheckResult[] }
export type GridRow = { template: TemplateInfo; sample: string; cells: GridCell[] }

// A cell shows badges, not caniemail's notes or the partial-support reference list: the detail view does.
const forGrid = (check: CheckResult): CheckResult => ({
  ...check,
  findings: check.findings.filter((f) => f.key !== 'compatPartial').map(({ detail: _detail, ...finding }) => finding),
})

// The grid's view of a kept render's checks is kept beside it: the same objects on every request, so what
// is derived from them downstream (the audience's view, each finding's words) is kept too.
const gridChecks = new WeakMap<CheckResult[], CheckResult[]>()
function checksForGrid(checks: CheckResult[]): CheckResult[] {
  let view = gridChecks.get(checks)
  if (!view) gridChecks.set(checks, (view = checks.map(forGrid)))
  return view
}

/**
 * A named sample of a template, rendered in every language and checked: what the grid's cells and the
 * thumbnails show. In production a template, its strings and the environment are fixed once the server
 * has started, so the same (template, sample) always renders the same three emails: each is rendered
 * once per process and kept (14 templates × their named samples × 3 languages, a bounded set). A failed
 * render is not kept. In development templates and strings change under the server (Vite reloads them),
 * so nothing is kept and every request renders afresh.
 */
export function sampleRenders(id: TemplateId, sample: string): Promise<Record<Locale, LocaleRender>> | null {
  const input = sampleInput(id, sample)
  if (!input) return null
  if (!sampleRenderCache.enabled) return renderAllLocales(id, input)
  const key = `${id}\u0000${sample}`
  let renders = sampleRenderCache.entries.get(key)
  if (!renders) {
    renders = renderAllLocales(id, input)
    sampleRenderCache.entries.set(key, renders)
    renders.catch(() => sampleRenderCache.entries.delete(key))
  }
  return renders
}

/** The cache behind sampleRenders: on in production only; tests switch it on to check it. */
export const sampleRenderCache = { enabled: isProduction, entries: new Map<string, Promise<Record<Locale, LocaleRender>>>() }

/** Every template × every language, from each template's first sample: the grid at /admin/emails. */
export async function studioGrid(): Promise<GridRow[]> {
  const rows: GridRow[] = []
  for (const id of TEMPLATE_IDS) {
    const info = templateInfo(id)
    const sample = info.samples[0]!.key
    const all = (await sampleRenders(id, sample))!
    rows.push({
      template: info,
      sample,
      cells: LOCALES.map((locale) => ({
        locale,
        subject: all[locale].subject,
        previewText: all[locale].previewText,
        kb: htmlKilobytes(all[locale].html),
        checks: checksForGrid(all[locale].checks),
      })),
    })
  }
  return rows
}

/** One rendering, for the sandboxed preview frames (the grid's thumbnails: the same renders as its cells). */
export async function renderOne(id: TemplateId, sample: string, locale: Locale): Promise<RenderedEmail | null> {
  if (!sampleRenderCache.enabled) {
    const input = sampleInput(id, sample)
    return input ? renderEmail(id, input, locale, { unsubscribeUrl: studioEnvelope(id, input).unsubscribeUrl }) : null
  }
  const all = await sampleRenders(id, sample)
  if (!all) return null
  const { subject, previewText, html, text } = all[locale]
  return { subject, previewText, html, text }
}

/** A named sample as a template renders it: the event's data and the step's context. */
export function sampleInput(id: TemplateId, sample: string): TemplateInput<TemplateId> | undefined {
  const found = samplesOf(templates[id].event)[sample]
  return found && ({ data: found.data, context: found.context } as TemplateInput<TemplateId>)
}

/** An id for a test email: unique, so each test send is a new message, and recognisable in the mailbox. */
export const testEmailEventId = () => `studio-test-${randomUUID()}`
