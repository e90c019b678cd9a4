import { env } from '~/env.server'

/** Where the Inngest dev server listens unless INNGEST_BASE_URL says otherwise. */
export const INNGEST_DEV_URL = env.INNGEST_BASE_URL ?? 'http://127.0.0.1:8288'
/** The command that starts it against this app (what `npm run dev` runs when inngest-cli is installed). */
export const inngestDevCommand = () => `npx inngest-cli@latest dev -u ${new URL('/api/inngest', env.APP_URL).href}`

let last: { at: number; reachable: boolean } | null = null

/**
 * Whether an email queued now can leave: always in production (Inngest Cloud), and in development only
 * while the Inngest dev server answers. Asked at most every 5 seconds, with a 500 ms timeout, so a page
 * that asks costs nothing noticeable.
 */
export async function emailsCanLeave(): Promise<boolean> {
  if (!env.INNGEST_DEV) return true
  if (last && Date.now() - last.at < 5_000) return last.reachable
  const reachable = await fetch(INNGEST_DEV_URL, { signal: AbortSignal.timeout(500) }).then(
    () => true,
    () => false,
  )
  last = { at: Date.now(), reachable }
  return reachable
}
