// `npm test`: typecheck, lint, unit and integration tests (Vitest), the production build, then the
// resilience suite (Vitest driving `node server.mjs` processes) and the end-to-end tests (Playwright
// against the build). Every step runs; the exit code is non-zero if any failed. The last line counts
// the tests: "N passed, N failed".
//
// The unit tests run beside typecheck and lint: Vitest runs one worker on a 2-core machine (CPUs - 1),
// and tsc and ESLint use one core each, so the two lanes fill the machine instead of taking turns.
// The resilience and end-to-end suites keep the machine to themselves, one after the other:
// TEST_PARALLEL=1 runs them side by side (own servers, own ports), which measured slower on this 2-core
// machine (both CPU-bound: 770 s and 798 s side by side against about 420 s one after the other), and
// its timeouts failed tests, so it is off. docs/decisions/0050-ci-time.md.
import { spawn, spawnSync } from 'node:child_process'
import { existsSync, mkdirSync, readFileSync, rmSync } from 'node:fs'

const reports = '.tmp/reports'
rmSync(reports, { recursive: true, force: true })
mkdirSync(reports, { recursive: true })

/** Steps that run at once, each lane's steps one after the other. */
const checks = [
  [
    ['typecheck', 'npm', ['run', 'typecheck']],
    ['lint', 'npm', ['run', 'lint']],
  ],
  [['unit', 'npx', ['vitest', 'run', '--reporter=default', '--reporter=json', `--outputFile.json=${reports}/vitest.json`]]],
]
const sideBySide = [
  ['resilience', 'npx', ['vitest', 'run', '-c', 'vitest.resilience.config.ts', '--reporter=default', '--reporter=json', `--outputFile.json=${reports}/resilience.json`]],
  ['e2e', 'npx', ['playwright', 'test']],
]

const failedSteps = []
const finished = (name, status, started) => {
  console.log(`◀ ${name}: ${status === 0 ? 'ok' : `failed (exit ${status})`} in ${((Date.now() - started) / 1000).toFixed(1)} s`)
  if (status !== 0) failedSteps.push(name)
}

/** Runs a step with each line of its output prefixed by its name, so two steps' output can interleave. */
function runPrefixed(name, command, args) {
  return new Promise((resolve) => {
    console.log(`\n▶ ${name}: ${command} ${args.join(' ')}`)
    const started = Date.now()
    const child = spawn(command, args, { env: { ...process.env, FORCE_COLOR: '0' }, stdio: ['ignore', 'pipe', 'pipe'] })
    for (const stream of [child.stdout, child.stderr]) {
      let rest = ''
      stream.on('data', (chunk) => {
        const lines = (rest + chunk.toString()).split('\n')
        rest = lines.pop() ?? ''
        for (const line of lines) console.log(`[${name}] ${line}`)
      })
      stream.on('end', () => rest && console.log(`[${name}] ${rest}`))
    }
    child.on('close', (status) => {
      finished(name, status, started)
      resolve()
    })
  })
}

await Promise.all(
  checks.map(async (lane) => {
    for (const [name, command, args] of lane) await runPrefixed(name, command, args)
  }),
)

console.log('\n▶ build: npm run build')
const buildStarted = Date.now()
// Without a build there is nothing for the resilience and end-to-end tests to run against.
finished('build', spawnSync('npm', ['run', 'build'], { stdio: 'inherit', env: process.env }).status, buildStarted)

if (!failedSteps.includes('build')) {
  if (process.env.TEST_PARALLEL !== '1') {
    for (const [name, command, args] of sideBySide) await runPrefixed(name, command, args)
  } else {
    await Promise.all(sideBySide.map(([name, command, args]) => runPrefixed(name, command, args)))
  }
}

function read(file) {
  return existsSync(file) ? JSON.parse(readFileSync(file, 'utf8')) : null
}
const vitest = read(`${reports}/vitest.json`)
const resilience = read(`${reports}/resilience.json`)
const playwright = read(`${reports}/playwright.json`)
let passed = 0
let failed = 0
let skipped = 0
if (vitest) {
  passed += vitest.numPassedTests
  failed += vitest.numFailedTests
  skipped += vitest.numPendingTests + vitest.numTodoTests
}
if (resilience) {
  passed += resilience.numPassedTests
  failed += resilience.numFailedTests
  skipped += resilience.numPendingTests + resilience.numTodoTests
}
if (playwright) {
  passed += playwright.stats.expected + playwright.stats.flaky
  failed += playwright.stats.unexpected
  skipped += playwright.stats.skipped
}
const noteMissing = (step, report) => {
  if (!report && !failedSteps.includes(step)) failedSteps.push(`${step} (no report)`)
}
noteMissing('unit', vitest)
if (!failedSteps.includes('build')) {
  noteMissing('resilience', resilience)
  noteMissing('e2e', playwright)
}

console.log(`\nunit: ${vitest ? `${vitest.numPassedTests} passed, ${vitest.numFailedTests} failed` : 'no report'}`)
console.log(`resilience: ${resilience ? `${resilience.numPassedTests} passed, ${resilience.numFailedTests} failed` : 'no report'}`)
console.log(`e2e: ${playwright ? `${playwright.stats.expected} passed, ${playwright.stats.unexpected} failed, ${playwright.stats.flaky} flaky` : 'no report'}`)
if (failedSteps.length) console.log(`failed steps: ${failedSteps.join(', ')}`)
console.log(`${passed} passed, ${failed} failed${skipped ? `, ${skipped} skipped` : ''}`)
process.exit(failedSteps.length || failed ? 1 : 0)
