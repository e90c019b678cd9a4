import type { Route } from './+types/admin.mailbox.$id.html'
import { requireStudioUser } from '~/auth/roles.server'
import { getMailboxMessage } from '~/studio/mailbox-view.server'
import { emailHtmlResponse } from '~/studio/preview-response.server'

/** A stored message's HTML as its own sandboxed document. */
export async function loader({ request, params }: Route.LoaderArgs) {
  await requireStudioUser(request, { anonymous: 'unauthorized' })
  const message = getMailboxMessage(params.id)
  if (!message) throw new Response('Not found', { status: 404 })
  return emailHtmlResponse(message.html)
}
