// The bare loop's one send, shared by the bench process (bench/welcome.ts) and the framework floor's
// Inngest step (bench/floor/app/routes/inngest.ts): React Email's render() of the welcome email (fr) and a
// POST of it to the Resend double. Nothing else: no database, no translation cache, no idempotency.
import { render } from '@react-email/render'
import { randomUUID } from 'node:crypto'
import { createElement } from 'react'
import { emailTranslator } from '../app/email/i18n.server'
import { templates } from '../app/email/registry.server'
import { eventCatalogue } from '../app/events'

/** A function that renders the welcome email and hands it to the Resend double at `resendUrl`; resolves with the double's id. */
export function welcomeSender(resendUrl: string) {
  const definition = templates.welcome as any
  const samples = eventCatalogue[definition.event as keyof typeof eventCatalogue].samples as Record<string, { data: unknown; context?: unknown }>
  const { data, context } = samples[definition.samples[0]]!
  const t = emailTranslator('fr')
  return async (): Promise<string> => {
    const element = createElement(definition.component, definition.props({ data, context, locale: 'fr', appUrl: 'http://localhost', t }))
    const html = await render(element)
    const res = await fetch(`${resendUrl}/emails`, {
      method: 'POST',
      headers: { Authorization: 'Bearer re_bench_only', 'Content-Type': 'application/json', 'Idempotency-Key': randomUUID() },
      body: JSON.stringify({ from: 'Courrier <bench@courrier.test>', to: ['bench@example.com'], subject: 'Bienvenue', html }),
    })
    if (!res.ok) throw new Error(`the Resend double answered ${res.status}`)
    return ((await res.json()) as { id: string }).id
  }
}
