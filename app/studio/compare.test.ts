import { afterEach, expect, test } from 'vitest'
import { compareColumns } from './compare.server'
import { sampleRenderCache, sampleRenders, templateInfo } from './templates.server'

afterEach(() => {
  sampleRenderCache.enabled = false
  sampleRenderCache.entries.clear()
})

test('the compare view shows fr, en and es of one sample, each with its own subject, preview text and HTML', async () => {
  const sample = templateInfo('welcome').samples[0]!.key
  const columns = (await compareColumns('welcome', sample))!
  expect(columns.map((c) => c.locale)).toEqual(['fr', 'en', 'es'])
  expect(columns.map((c) => c.subject)).toEqual([expect.stringMatching(/^Bienvenue/), expect.stringMatching(/^Welcome/), expect.stringMatching(/^Te damos/)])
  for (const column of columns) {
    expect(column.html).toContain(`lang="${column.locale}"`)
    expect(column.previewText.length).toBeGreaterThan(0)
    expect(column.kb).toBeGreaterThan(0)
  }
  expect(await compareColumns('welcome', 'no-such-sample')).toBeNull()
})

test('in production it reuses the renders the grid keeps, rather than rendering again', async () => {
  sampleRenderCache.enabled = true
  const sample = templateInfo('invitation').samples[0]!.key
  const kept = await sampleRenders('invitation', sample)!
  const columns = (await compareColumns('invitation', sample))!
  expect(sampleRenderCache.entries.size).toBe(1)
  expect(columns.map((c) => c.html)).toEqual([kept.fr.html, kept.en.html, kept.es.html])
})
