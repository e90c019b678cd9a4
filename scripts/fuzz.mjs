// `npm run fuzz -- --runs 50000 [--seed N]`: the resilience suite's fuzzing pass (test/resilience/fuzz.test.ts)
// on a fresh build, for longer or with a given seed (to replay a failure). Progress every 500 requests.
import { spawnSync } from 'node:child_process'
import { parseArgs } from 'node:util'

const { values } = parseArgs({ options: { runs: { type: 'string', default: '5000' }, seed: { type: 'string' } } })
const env = { ...process.env, FUZZ_RUNS: values.runs, ...(values.seed ? { FUZZ_SEED: values.seed } : {}) }
const run = (command, args) => spawnSync(command, args, { stdio: 'inherit', env }).status ?? 1
const built = run('npx', ['react-router', 'build'])
process.exit(built || run('npx', ['vitest', 'run', '-c', 'vitest.resilience.config.ts', 'test/resilience/fuzz.test.ts']))
