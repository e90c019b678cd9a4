import { z } from 'zod'
import { templates, type TemplateId, type TemplateInput } from '~/email/registry.server'
import { eventCatalogue } from '~/events'
import type { Locale } from '~/i18n/locales'

export type DataValidation = { ok: true; input: TemplateInput<TemplateId> } | { ok: false; message: string }

/** What the studio's data editor says, in the interface's language. */
export type DataMessages = {
  locale: Locale
  /** Rules shared with the app's forms (a person's name) carry translation keys as messages. */
  translate: (message: string) => string
  /** "This is not valid JSON", with the line and column of the mistake when the parser gives one. */
  jsonInvalid: (at: { line: number; column: number } | null) => string
}

// zod ships its own messages in many languages; the studio's three are these.
const ZOD_LOCALES = { en: z.locales.en, fr: z.locales.fr, es: z.locales.es } satisfies Record<Locale, () => { localeError: z.core.$ZodErrorMap }>

/** Where JSON.parse stopped, as a person counts it (V8 gives an offset, or nothing for an early end). */
function jsonPosition(json: string, error: unknown): { line: number; column: number } | null {
  const message = error instanceof Error ? error.message : ''
  const match = /position (\d+)/.exec(message)
  const offset = match ? Number(match[1]) : /end of JSON/i.test(message) ? json.length : null
  if (offset === null) return null
  const before = json.slice(0, offset).split('\n')
  return { line: before.length, column: before.at(-1)!.length + 1 }
}

/**
 * Sample data typed by a marketer: JSON first, then the event's schema and the context's (each takes its
 * own fields from the one object). The messages are zod's, in the interface's language (not the language
 * of the email being previewed), prefixed with the field they are about so the fix is obvious. Without
 * `messages`, zod's English: a check that only asks "is it valid?".
 */
export function validateSampleData(id: TemplateId, json: string, messages?: DataMessages): DataValidation {
  let value: unknown
  try {
    value = JSON.parse(json)
  } catch (error) {
    return { ok: false, message: messages ? messages.jsonInvalid(jsonPosition(json, error)) : 'JSON' }
  }
  const options = messages ? { error: ZOD_LOCALES[messages.locale]().localeError } : undefined
  const translate = messages?.translate ?? ((m: string) => m)
  const definition = templates[id]
  const data = eventCatalogue[definition.event].schema.safeParse(value, options)
  const contextSchema = eventCatalogue[definition.event].context as z.ZodObject | undefined
  const context = contextSchema?.safeParse(value, options)
  if (data.success && (!context || context.success)) return { ok: true, input: { data: data.data, context: context?.data } as TemplateInput<TemplateId> }
  const issues = [...(data.error?.issues ?? []), ...(context?.error?.issues ?? [])]
  return {
    ok: false,
    message: issues.map((issue) => (issue.path.length ? `${issue.path.join('.')}: ${translate(issue.message)}` : translate(issue.message))).join('\n'),
  }
}
