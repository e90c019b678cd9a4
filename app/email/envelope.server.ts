import { env } from '~/env.server'
import { unsubscribePath, type UnsubscribeClaim } from '~/preferences/unsubscribe-token.server'
import { ONE_CLICK } from './categories'

/**
 * The unsubscribe headers of a lifecycle email (RFC 2369, RFC 8058), as Gmail and Yahoo require of bulk
 * senders: the https link that takes a one-click POST, a mailto when LIST_UNSUBSCRIBE_MAILTO is set, and
 * List-Unsubscribe-Post. The same link (a GET shows the page) is in the email's footer.
 */
export function listUnsubscribe(
  claim: UnsubscribeClaim,
  { appUrl = env.APP_URL, mailto = env.LIST_UNSUBSCRIBE_MAILTO }: { appUrl?: string; mailto?: string } = {},
): { url: string; headers: Record<string, string> } {
  const url = new URL(unsubscribePath(claim), appUrl).href
  const targets = [`<${url}>`]
  // The subject names the list and the user id (no secret): whoever reads that mailbox knows whom to unsubscribe.
  if (mailto) targets.push(`<mailto:${mailto}?subject=${encodeURIComponent(`unsubscribe ${claim.topic} ${claim.userId}`)}>`)
  return { url, headers: { 'List-Unsubscribe': targets.join(', '), 'List-Unsubscribe-Post': ONE_CLICK } }
}
