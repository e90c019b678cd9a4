// `npm test`: typecheck, lint, unit and integration tests (Vitest), the production build, then the
// resilience suite (Vitest driving `node server.mjs` processes) and the end-to-end tests (Playwright
// against the build). Every step runs; the exit code is non-zero if any failed. The last line counts
// the tests: "N passed, N failed".
//
// The build comes first; then three lanes run at once: typecheck then lint, the unit tests, and the
// resilience suite. Vitest runs one worker on a 2-core machine (CPUs - 1), tsc and ESLint one core each,
// and the resilience suite spends much of its time waiting on the servers it starts, so the lanes fill
// the machine instead of taking turns. The end-to-end suite (two browsers and a server: CPU-bound) then
// has the machine to itself. TEST_PARALLEL=1 runs it beside the resilience suite instead, which measured
// slower on this 2-core machine (770 s and 798 s side by side against about 420 s one after the other)
// and failed tests on their timeouts, so it is off. docs/decisions/0050-ci-time.md.
import { spawn, spawnSync } from 'node:child_process'
import { existsSync, mkdirSync, readFileSync, rmSync } from 'node:fs'
import { relative } from 'node:path'
import { stripVTControlCharacters } from 'node:util'

const reports = '.tmp/reports'
rmSync(reports, { recursive: true, force: true })
mkdirSync(reports, { recursive: true })

const unitStep = ['unit', 'npx', ['vitest', 'run', '--reporter=default', '--reporter=json', `--outputFile.json=${reports}/vitest.json`]]
const resilienceStep = [
  'resilience',
  'npx',
  ['vitest', 'run', '-c', 'vitest.resilience.config.ts', '--reporter=default', '--reporter=json', `--outputFile.json=${reports}/resilience.json`],
]
const e2eStep = ['e2e', 'npx', ['playwright', 'test']]
const parallel = process.env.TEST_PARALLEL === '1'
/** Lanes that run at once, each lane's steps one after the other; then the last group, the same way. */
const groups = [
  [
    [
      ['typecheck', 'npm', ['run', 'typecheck']],
      ['lint', 'npm', ['run', 'lint']],
    ],
    [unitStep],
    ...(parallel ? [] : [[resilienceStep]]),
  ],
  parallel ? [[resilienceStep], [e2eStep]] : [[e2eStep]],
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

console.log('\n▶ build: npm run build')
const buildStarted = Date.now()
finished('build', spawnSync('npm', ['run', 'build'], { stdio: 'inherit', env: process.env }).status, buildStarted)
// Without a build there is nothing for the resilience and end-to-end tests to run against: the checks
// that need none still run.
const built = !failedSteps.includes('build')
for (const lanes of groups) {
  await Promise.all(
    lanes.map(async (lane) => {
      for (const [name, command, args] of lane) if (built || !['resilience', 'e2e'].includes(name)) await runPrefixed(name, command, args)
    }),
  )
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

/** Names each failed (and flaky) test with its first line of error: CI keeps only the tail of the output. */
const firstLine = (message = '') =>
  stripVTControlCharacters(message)
    .split('\n')
    .find((line) => line.trim())
    ?.trim()
    .slice(0, 240) ?? ''
const vitestFailures = (report, step) =>
  (report?.testResults ?? []).flatMap((file) => {
    const name = relative(process.cwd(), file.name)
    const failed = (file.assertionResults ?? []).filter((test) => test.status === 'failed')
    // A file that failed with no failed test (an import or a hook threw) is named on its own.
    if (!failed.length) return file.status === 'failed' ? [`${step} failed: ${name}\n    ${firstLine(file.message)}`] : []
    return failed.map((test) => `${step} failed: ${name} › ${test.fullName}\n    ${firstLine(test.failureMessages?.[0])}`)
  })
const playwrightFailures = (suite, parents = []) => {
  const titles = suite.title ? [...parents, suite.title] : parents
  return [
    ...(suite.suites ?? []).flatMap((child) => playwrightFailures(child, titles)),
    ...(suite.specs ?? []).flatMap((spec) =>
      spec.tests
        .filter((test) => test.status === 'unexpected' || test.status === 'flaky')
        .map(
          (test) =>
            `e2e ${test.status === 'flaky' ? 'flaky' : 'failed'}: ${[...titles, spec.title].join(' › ')}\n    ${firstLine(test.results.find((result) => result.error)?.error?.message)}`,
        ),
    ),
  ]
}
const failures = [...vitestFailures(vitest, 'unit'), ...vitestFailures(resilience, 'resilience'), ...(playwright?.suites ?? []).flatMap((suite) => playwrightFailures(suite))]
if (failures.length) console.log(`\n${failures.join('\n')}`)

console.log(`\nunit: ${vitest ? `${vitest.numPassedTests} passed, ${vitest.numFailedTests} failed` : 'no report'}`)
console.log(`resilience: ${resilience ? `${resilience.numPassedTests} passed, ${resilience.numFailedTests} failed` : 'no report'}`)
console.log(`e2e: ${playwright ? `${playwright.stats.expected} passed, ${playwright.stats.unexpected} failed, ${playwright.stats.flaky} flaky` : 'no report'}`)
if (failedSteps.length) console.log(`failed steps: ${failedSteps.join(', ')}`)
console.log(`${passed} passed, ${failed} failed${skipped ? `, ${skipped} skipped` : ''}`)
process.exit(failedSteps.length || failed ? 1 : 0)
