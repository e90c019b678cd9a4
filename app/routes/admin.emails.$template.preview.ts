import type { Route } from './+types/admin.emails.$template.preview'
import { requireStudioUser } from '~/auth/roles.server'
import { emailHtmlResponse } from '~/studio/preview-response.server'
import { isTemplateId, renderOne, resolveView } from '~/studio/templates.server'
import { getLocale } from '~/i18n/i18next.server'

/** The rendered HTML of one template × locale × sample, for the grid's lazy thumbnails. */
export async function loader({ request, params, context }: Route.LoaderArgs) {
  await requireStudioUser(request, { anonymous: 'unauthorized' })
  if (!isTemplateId(params.template)) throw new Response('Not found', { status: 404 })
  const view = resolveView(params.template, new URL(request.url).searchParams, getLocale(context))
  const rendered = await renderOne(view.template, view.sample, view.locale)
  if (!rendered) throw new Response('Not found', { status: 404 })
  return emailHtmlResponse(rendered.html)
}
