import type { Route } from './+types/admin.emails.$template.download'
import { requireStudioUser } from '~/auth/roles.server'
import { getLocale } from '~/i18n/i18next.server'
import { isDownloadFormat, studioDownload } from '~/studio/download.server'
import { isTemplateId, resolveView } from '~/studio/templates.server'

/** A template's rendering as a file: `?format=html` (the HTML sent) or `?format=eml` (the whole message). */
export async function loader({ request, params, context }: Route.LoaderArgs) {
  await requireStudioUser(request, { anonymous: 'unauthorized' })
  const search = new URL(request.url).searchParams
  const format = search.get('format')
  if (!isTemplateId(params.template) || !isDownloadFormat(format)) throw new Response('Not found', { status: 404 })
  const response = await studioDownload(resolveView(params.template, search, getLocale(context)), format)
  if (!response) throw new Response('Not found', { status: 404 })
  return response
}
