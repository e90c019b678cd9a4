import { randomBytes, scrypt, timingSafeEqual, type ScryptOptions } from 'node:crypto'
import { availableParallelism } from 'node:os'

// scrypt, memory-hard, at one of OWASP's equivalent settings: N=2^13, r=8, p=10 (8 MiB, about 150 ms a hash
// on these machines). OWASP's other settings hold 16 to 128 MiB per hash for the same protection; N=2^14
// p=5, used before, is exactly the same work (N × p) in twice the memory. This one keeps a burst of signups
// within the server's memory budget (docs/decisions/0008-performance.md, fourth round). Hashes made with
// other settings still verify: each hash carries its own N, r and p.
export type HashCost = { N: number; r: number; p: number }
const PARAMS: HashCost = { N: 2 ** 13, r: 8, p: 10 }
const KEY_LENGTH = 32

// Hashes run on all cores but one, a hash per core at a time: scrypt is CPU-bound, so more at once is no
// faster; each holds 8 MiB (libuv's four threads would otherwise hold four); and a burst of signups
// leaves a core for everything else the server does. On two cores: one hash at a time. `npm start` sets
// MALLOC_MMAP_THRESHOLD_: glibc otherwise raises its mmap threshold past a hash's buffer after the first hash is
// freed, and keeps every later hash's memory in its arenas (+25 MB after a burst of signups, not returned).
const slots = Math.max(1, availableParallelism() - 1)
let active = 0
const waiting: Array<() => void> = []
async function acquire() {
  if (active < slots) active++
  else await new Promise<void>((resolve) => waiting.push(resolve))
}
function release() {
  const next = waiting.shift()
  if (next) next()
  else active--
}

async function derive(password: string, salt: Buffer, options: ScryptOptions): Promise<Buffer> {
  const maxmem = 256 * (options.N ?? 0) * (options.r ?? 0) + 1024 * 1024
  await acquire()
  try {
    return await new Promise((resolve, reject) =>
      scrypt(password.normalize('NFKC'), salt, KEY_LENGTH, { ...options, maxmem }, (error, key) => (error ? reject(error) : resolve(key))),
    )
  } finally {
    release()
  }
}

/** Format: `scrypt$N$r$p$salt$hash`, so the cost can be raised later without breaking old hashes. */
export async function hashPassword(password: string, cost: HashCost = PARAMS): Promise<string> {
  const salt = randomBytes(16)
  const key = await derive(password, salt, cost)
  return ['scrypt', cost.N, cost.r, cost.p, salt.toString('base64url'), key.toString('base64url')].join('$')
}

export async function verifyPassword(password: string, stored: string): Promise<boolean> {
  const [algorithm, N, r, p, salt, hash] = stored.split('$')
  if (algorithm !== 'scrypt' || !salt || !hash) return false
  const expected = Buffer.from(hash, 'base64url')
  const actual = await derive(password, Buffer.from(salt, 'base64url'), { N: Number(N), r: Number(r), p: Number(p) })
  return actual.length === expected.length && timingSafeEqual(actual, expected)
}

// A real hash to compare against when the email is unknown, so timing does not reveal which emails exist.
let decoy: Promise<string> | undefined
export function decoyHash(): Promise<string> {
  return (decoy ??= hashPassword(randomBytes(16).toString('hex')))
}
