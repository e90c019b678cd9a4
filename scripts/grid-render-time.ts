// `npx tsx scripts/grid-render-time.ts [runs]`: the studio grid's server render time for every template ×
// language (renders and checks) against the sum of bare renderEmail() calls for the same cells.
// React's production build and a throwaway database (the grid reads none, but its modules open one).
import './production-like-env'

const { measureGridRender } = await import('../app/studio/grid-timing.server')
const runs = Number(process.argv[2] ?? 15)
const result = await measureGridRender({ runs })
console.log(`cells: ${result.cells} (templates × fr, en, es), median of ${result.runs} runs each`)
console.log(`bare renderEmail() sum: ${result.bareMs} ms   (first run ${result.firstBareMs} ms)`)
console.log(`studio grid (renders + checks): ${result.gridMs} ms   (first run ${result.firstGridMs} ms)`)
console.log(`ratio: ${result.ratio} (target ≤ 1.3)`)
const { rmSync } = await import('node:fs')
for (const suffix of ['', '-wal', '-shm']) rmSync(`${process.env.DATABASE_URL}${suffix}`, { force: true })
