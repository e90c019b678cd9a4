import { afterEach, describe, expect, test } from 'vitest'
import { LOCALES } from '~/i18n/locales'
import { renderOne, sampleRenderCache, sampleRenders, studioGrid, templateInfo } from './templates.server'

describe('the studio keeps the renders of named samples in production', () => {
  afterEach(() => {
    sampleRenderCache.enabled = false
    sampleRenderCache.entries.clear()
  })

  test('outside production (tests, dev) every call renders afresh and nothing is kept', async () => {
    expect(sampleRenderCache.enabled).toBe(false)
    const first = sampleRenders('welcome', templateInfo('welcome').samples[0]!.key)!
    const second = sampleRenders('welcome', templateInfo('welcome').samples[0]!.key)!
    expect(first).not.toBe(second)
    expect(await first).toEqual(await second)
    expect(sampleRenderCache.entries.size).toBe(0)
  })

  test('in production a template and sample render once: the grid, its thumbnails and a second grid share them', async () => {
    sampleRenderCache.enabled = true
    const sample = templateInfo('invitation').samples[0]!.key
    const first = sampleRenders('invitation', sample)!
    expect(sampleRenders('invitation', sample)).toBe(first)
    const grid = await studioGrid()
    expect(sampleRenderCache.entries.size).toBe(grid.length)
    expect(await studioGrid()).toEqual(grid)
    for (const locale of LOCALES) {
      const one = await renderOne('invitation', sample, locale)
      expect(one?.html).toBe((await first)[locale].html)
      expect(grid.find((row) => row.template.id === 'invitation')!.cells.find((cell) => cell.locale === locale)!.subject).toBe(one?.subject)
    }
  })

  test('an unknown sample is nothing to render, and is not kept', async () => {
    sampleRenderCache.enabled = true
    expect(sampleRenders('welcome', 'no-such-sample')).toBeNull()
    expect(await renderOne('welcome', 'no-such-sample', 'fr')).toBeNull()
    expect(sampleRenderCache.entries.size).toBe(0)
  })
})
