import type { Route } from './+types/admin.mailbox.$id.eml'
import { requireStudioUser } from '~/auth/roles.server'
import { buildEml, downloadResponse, safeFilename } from '~/email/eml.server'
import { getMailboxMessage } from '~/studio/mailbox-view.server'

/** A mailbox message as an .eml file: its headers, text and HTML, to open in a mail client. */
export async function loader({ request, params }: Route.LoaderArgs) {
  await requireStudioUser(request, { anonymous: 'unauthorized' })
  const message = getMailboxMessage(params.id)
  if (!message) throw new Response('Not found', { status: 404 })
  const eml = await buildEml({ ...message, date: new Date(message.createdAt), messageId: `${message.id}@mailbox.courrier` })
  return downloadResponse(eml, 'message/rfc822', safeFilename(`${message.template}-${message.locale}-${message.id}`, 'eml'))
}
