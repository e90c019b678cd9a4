import type { Route } from './+types/admin.mailbox.json'
import { requireStudioUser } from '~/auth/roles.server'
import { listMailboxFull, parseMailboxQuery } from '~/studio/mailbox-view.server'

/**
 * The mailbox as JSON, newest first, with the same filters as the page (`to`, `template`, `locale`,
 * `eventId`, `limit`, `before`): end-to-end tests read emails here instead of scraping the page.
 */
export async function loader({ request }: Route.LoaderArgs) {
  await requireStudioUser(request, { anonymous: 'unauthorized' })
  const result = listMailboxFull(parseMailboxQuery(new URL(request.url)))
  return Response.json(result, { headers: { 'Cache-Control': 'private, no-store' } })
}
