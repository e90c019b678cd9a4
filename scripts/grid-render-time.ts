// `npx tsx scripts/grid-render-time.ts [runs]`: the studio grid's server render time for every template ×
// language (renders and checks) against the sum of bare renderEmail() calls for the same cells.
import { mkdirSync } from 'node:fs'

// A throwaway database: the grid reads none, but the modules it imports open one.
mkdirSync('.tmp', { recursive: true })
process.env.DATABASE_URL ??= `.tmp/grid-timing-${process.pid}.db`
process.env.OUTBOX_RELAY ??= '0'

const { measureGridRender } = await import('../app/studio/grid-timing.server')
const runs = Number(process.argv[2] ?? 15)
const result = await measureGridRender({ runs })
console.log(`cells: ${result.cells} (templates × fr, en, es), median of ${result.runs} runs each`)
console.log(`bare renderEmail() sum: ${result.bareMs} ms   (first run ${result.firstBareMs} ms)`)
console.log(`studio grid (renders + checks): ${result.gridMs} ms   (first run ${result.firstGridMs} ms)`)
console.log(`ratio: ${result.ratio} (target ≤ 1.3)`)
const { rmSync } = await import('node:fs')
for (const suffix of ['', '-wal', '-shm']) rmSync(`${process.env.DATABASE_URL}${suffix}`, { force: true })
