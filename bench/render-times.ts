// Render time of every template in every locale: `npm run bench:render -- [iterations]`.
// Each template × locale is rendered once cold (first render in this process), then `iterations`
// times (default 50) with its first sample; the table gives the cold time, the median and the p95,
// and the HTML size against Gmail's ~102 KB clipping limit. Timings are wall-clock on this machine.
// React's production build, as the server runs it (the env module must load before React does).
import './production-like-env'
import { performance } from 'node:perf_hooks'
import type { TemplateInput } from '~/email/registry.server'

const { LOCALES } = await import('~/i18n/locales')
const { eventCatalogue } = await import('~/events')
const { TEMPLATE_IDS, templates } = await import('~/email/registry.server')
const { renderEmail } = await import('~/email/render.server')

const iterations = Number(process.argv[2] ?? 50)
const percentile = (sorted: number[], p: number) => sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))]!
const ms = (value: number) => value.toFixed(2).padStart(7)

const rows: string[] = []
for (const id of TEMPLATE_IDS) {
  const sampleKey = templates[id].samples[0]!
  const samples = eventCatalogue[templates[id].event].samples as Record<string, { data: unknown; context?: unknown }>
  const data = samples[sampleKey] as TemplateInput<typeof id>
  for (const locale of LOCALES) {
    let start = performance.now()
    const first = await renderEmail(id, data, locale)
    const cold = performance.now() - start
    const times: number[] = []
    for (let i = 0; i < iterations; i++) {
      start = performance.now()
      await renderEmail(id, data, locale)
      times.push(performance.now() - start)
    }
    times.sort((a, b) => a - b)
    const kb = (Buffer.byteLength(first.html) / 1024).toFixed(1).padStart(5)
    rows.push(`${id.padEnd(22)} ${locale}  ${ms(cold)} ${ms(percentile(times, 50))} ${ms(percentile(times, 95))}   ${kb}`)
  }
}

console.log(`renderEmail (HTML + plain text), ${iterations} warm renders each, Node ${process.version}`)
console.log(`${'template'.padEnd(22)} lng  cold ms  p50 ms  p95 ms   HTML KB`)
for (const row of rows) console.log(row)
