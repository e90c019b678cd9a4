import autocannon from 'autocannon'
import { spawn, type ChildProcess } from 'node:child_process'
import { readFileSync } from 'node:fs'

export type LoadResult = { rps: number; total: number; non2xx: number; errors: number; p99ms: number }

/** One autocannon run; requests/s is the mean over the run, after a short warm-up. */
export async function load(options: autocannon.Options & { warmupSeconds?: number }): Promise<LoadResult> {
  const { warmupSeconds = 1, ...rest } = options
  if (warmupSeconds) await autocannon({ ...rest, duration: warmupSeconds })
  const result = await autocannon({ connections: 10, duration: 5, ...rest })
  return {
    rps: Math.round(result.requests.average),
    total: result.requests.total,
    non2xx: result.non2xx,
    errors: result.errors,
    p99ms: result.latency.p99,
  }
}

export function start(command: string, args: string[], env: Record<string, string>, ready: RegExp): Promise<ChildProcess> {
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, { env: { ...process.env, ...env }, stdio: ['ignore', 'pipe', 'pipe'] })
    let output = ''
    const onData = (chunk: Buffer) => {
      output += chunk.toString()
      if (ready.test(output)) resolve(child)
    }
    child.stdout!.on('data', onData)
    child.stderr!.on('data', (chunk: Buffer) => (output += chunk.toString()))
    child.on('exit', (code) => reject(new Error(`${command} exited (${code}) before it was ready:\n${output}`)))
  })
}

/** Peak resident memory (VmHWM) of a process, in MB, from /proc. */
export function peakRssMb(pid: number): number {
  const status = readFileSync(`/proc/${pid}/status`, 'utf8')
  const kb = Number(/VmHWM:\s+(\d+)\s+kB/.exec(status)?.[1] ?? 0)
  return Math.round(kb / 1024)
}

export function stop(child: ChildProcess | undefined) {
  if (child && child.exitCode === null) child.kill('SIGTERM')
}

export const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)]!

/** "min–max over n runs" of a figure's runs, for a row's note. */
export function spread(values: number[], unit = '') {
  const round = (v: number) => (Math.abs(v) >= 100 ? Math.round(v) : Math.round(v * 10) / 10)
  return `${round(Math.min(...values))}–${round(Math.max(...values))}${unit} over ${values.length} runs`
}

const startedAt = Date.now()
/** One progress line on stderr: the benchmark runs for minutes. */
export function progress(message: string) {
  const s = Math.round((Date.now() - startedAt) / 1000)
  process.stderr.write(`[${String(Math.floor(s / 60)).padStart(2, '0')}:${String(s % 60).padStart(2, '0')}] ${message}\n`)
}

/** Stops a child and waits until it has exited. */
export function stopAndWait(child: ChildProcess | undefined): Promise<void> {
  if (!child || child.exitCode !== null || child.signalCode !== null) return Promise.resolve()
  return new Promise((resolve) => {
    child.once('exit', () => resolve())
    child.kill('SIGTERM')
  })
}

/** CPU time (user + system) a process has used so far, in ms, from /proc: robust to other load on the machine. */
export function cpuMs(pid: number): number {
  const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1]!.split(' ')
  return ((Number(fields[11]) + Number(fields[12])) * 1000) / 100
}
