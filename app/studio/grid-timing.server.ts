import { renderEmail } from '~/email/render.server'
import { LOCALES } from '~/i18n/locales'
import { sampleInput, studioGrid, TEMPLATE_IDS, templateInfo } from './templates.server'

const median = (values: number[]) => {
  const sorted = [...values].sort((a, b) => a - b)
  const mid = Math.floor(sorted.length / 2)
  return sorted.length % 2 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2
}

/** The bare renders the grid is compared with: renderEmail for every template × language, nothing else. */
async function bareRenders(): Promise<number> {
  const started = performance.now()
  for (const id of TEMPLATE_IDS) {
    const input = sampleInput(id, templateInfo(id).samples[0]!.key)!
    for (const locale of LOCALES) await renderEmail(id, input, locale)
  }
  return performance.now() - started
}

async function gridOnce(): Promise<number> {
  const started = performance.now()
  await studioGrid()
  return performance.now() - started
}

/**
 * The grid's server-side work (every render plus every check) against the sum of bare renders of the
 * same cells, alternating the two so that neither gets a warmer process. The first round of each is
 * reported apart: it includes loading caniemail's data and the JIT warming up.
 */
export async function measureGridRender({ runs = 15 }: { runs?: number } = {}) {
  const firstGridMs = await gridOnce()
  const firstBareMs = await bareRenders()
  const grid: number[] = []
  const bare: number[] = []
  for (let i = 0; i < runs; i++) {
    bare.push(await bareRenders())
    grid.push(await gridOnce())
  }
  const round = (n: number) => Math.round(n * 10) / 10
  return {
    cells: TEMPLATE_IDS.length * LOCALES.length,
    runs,
    gridMs: round(median(grid)),
    bareMs: round(median(bare)),
    ratio: Math.round((median(grid) / median(bare)) * 1000) / 1000,
    firstGridMs: round(firstGridMs),
    firstBareMs: round(firstBareMs),
  }
}
