import { emailsCanLeave, inngestDevCommand } from '~/inngest/dev-server.server'
import { waitingEventCount } from '~/outbox/index.server'

export type InngestNotice = { command: string; waiting: number }

/**
 * What the studio says when nothing can send: in development (INNGEST_DEV) with the Inngest dev server
 * not answering, the command that starts it and how many events wait in the outbox meanwhile. Null
 * whenever emails can leave, which is always the case in production (Inngest Cloud). The same probe as
 * the dashboard's (cached 5 s, 500 ms timeout), so the pages that show it stay fast.
 */
export async function inngestNotice(): Promise<InngestNotice | null> {
  if (await emailsCanLeave()) return null
  return { command: inngestDevCommand(), waiting: waitingEventCount() }
}
