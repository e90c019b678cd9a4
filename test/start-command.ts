import { readFileSync } from 'node:fs'

/**
 * `npm start`'s environment assignments (e.g. MALLOC_ARENA_MAX) and node flags (e.g. the heap cap), so
 * the resilience suite and the benchmarks run the server exactly as users do.
 */
export function startCommand(): { env: Record<string, string>; nodeArgs: string[] } {
  const start = (JSON.parse(readFileSync('package.json', 'utf8')) as { scripts: { start: string } }).scripts.start
  const match = /^((?:\w+=\S+\s+)*)node\s+(.*?)\s*server\.mjs$/.exec(start.trim())
  if (!match) throw new Error(`cannot read the node command in "start": ${start}`)
  const env = Object.fromEntries(match[1]!.split(/\s+/).filter(Boolean).map((pair) => pair.split('=') as [string, string]))
  delete env.NODE_ENV
  return { env, nodeArgs: match[2]!.split(/\s+/).filter(Boolean) }
}
