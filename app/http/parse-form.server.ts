import { parseWithZod } from '@conform-to/zod/v4'
import type { RouterContextProvider } from 'react-router'
import type { z } from 'zod'
import { checkHoneypot, checkRateLimit, readForm, rejectForm } from '~/auth/form-guards.server'
import { isUiKey, type UiKey } from '~/i18n/keys'

/** A form's errors: the first message of each field (`form` for the form itself), as translation keys. */
export type FormErrors<F extends string = string> = Partial<Record<F | 'form', UiKey>>

export type ParsedForm<S extends z.ZodType> = { ok: true; value: z.output<S> } | { ok: false; errors: FormErrors<Extract<keyof z.input<S>, string>> }

/**
 * Parses a submitted form with its zod schema (Conform's `parseWithZod`: empty fields count as missing,
 * so "required" gets the schema's own message). Schemas carry translation keys as messages; a message
 * that is not one (a rule someone wrote without a key) is reported as the generic refusal rather than
 * shown raw.
 */
export function parseForm<S extends z.ZodType>(form: FormData, schema: S): ParsedForm<S> {
  const submission = parseWithZod(form, { schema })
  if (submission.status === 'success') return { ok: true, value: submission.value as z.output<S> }
  const errors: Record<string, UiKey> = {}
  for (const [field, messages] of Object.entries(submission.error ?? {})) {
    const message = messages?.[0]
    if (message) errors[field || 'form'] = isUiKey(message) ? message : 'errors.rejected'
  }
  return { ok: false, errors }
}

type FormOpening<S extends z.ZodType> = {
  /** The rate limiter's scope (one per form). */
  scope: string
  schema: S
  /** Fields sent back with a refusal so the form keeps what was typed (never a password). */
  keep: readonly string[]
}

/**
 * The opening every public form action shares: read the body (size-limited), refuse a filled honeypot,
 * count the attempt against the client's rate limit, then parse with the form's schema. Refusals are
 * thrown as `rejectForm` answers, which `formAction` returns to the form.
 */
export async function submittedForm<S extends z.ZodType>(request: Request, context: Readonly<RouterContextProvider>, opening: FormOpening<S>) {
  const form = await readForm(request)
  const values = Object.fromEntries(opening.keep.map((name) => [name, String(form.get(name) ?? '')]))
  checkHoneypot(form)
  await checkRateLimit(opening.scope, context, values)
  const parsed = parseForm(form, opening.schema)
  if (!parsed.ok) throw rejectForm(400, parsed.errors, values)
  return { value: parsed.value, values, form }
}
