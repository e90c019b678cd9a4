import { useTranslation } from '~/i18n/translation'
import { data, Link, useFetcher, type ShouldRevalidateFunctionArgs } from 'react-router'
import type { Route } from './+types/admin.emails.$template'
import { titleMeta } from '~/components/title-meta'
import type { FormErrors } from '~/http/parse-form.server'
import { formAction, forwardActionHeaders } from '~/auth/form-guards.server'
import { isProduction } from '~/env.server'
import { requireStudioUser } from '~/auth/roles.server'
import { getInstance, getLocale } from '~/i18n/i18next.server'
import { detailAction, type DetailActionData } from '~/studio/detail-action.server'
import { detailRender, sampleJson } from '~/studio/detail.server'
import { isTemplateId, resolveView, sampleInput, templateInfo } from '~/studio/templates.server'
import { EmitEventForm, SendTestForm } from '~/studio/ui/detail-forms'
import { DetailToolbar, PreviewPane } from '~/studio/ui/detail-preview'
import { ChecksSummary } from '~/studio/ui/checks-summary'
import { headlineRates } from '~/engagement/analytics.server'
import { DataEditor } from '~/studio/ui/data-editor'
import { useStudioFormat } from '~/studio/ui/format'
import { inngestNotice } from '~/studio/inngest-notice.server'
import { InngestNoticeBanner } from '~/studio/ui/inngest-notice'

export const headers = forwardActionHeaders

function templateOr404(template: string | undefined) {
  if (!isTemplateId(template)) throw data({ error: 'notFound' }, { status: 404 })
  return template
}

export async function loader({ request, params, context }: Route.LoaderArgs) {
  const user = await requireStudioUser(request)
  const template = templateOr404(params.template)
  const view = resolveView(template, new URL(request.url).searchParams, getLocale(context))
  return {
    title: `${template} · ${getInstance(context).t('studio.grid.title')}`,
    info: templateInfo(template),
    view,
    sample: sampleJson(template, view.sample),
    render: await detailRender(template, view.locale, sampleInput(template, view.sample)!, { source: view.tab === 'source' }),
    engagement: headlineRates().cell(template, view.locale),
    canEmit: user.role === 'admin' || !isProduction,
    inngest: await inngestNotice(),
  }
}

export async function action({ request, params, context }: Route.ActionArgs) {
  const user = await requireStudioUser(request)
  const template = templateOr404(params.template)
  return formAction(request, () => detailAction(request, context, user, template, getLocale(context)))
}

// Sending a test or an event, or previewing edited data, changes nothing the loader reads: no need to
// render three languages again.
export function shouldRevalidate({ formData, defaultShouldRevalidate }: ShouldRevalidateFunctionArgs) {
  const intent = formData?.get('intent')
  return intent === 'send-test' || intent === 'emit' || intent === 'preview' ? false : defaultShouldRevalidate
}

export const meta: Route.MetaFunction = titleMeta

type FormRejection = { errors?: FormErrors }
type Answer = DetailActionData & FormRejection

/**
 * The template page is built around the preview: what to do with it (language, sample, width, view,
 * send a test, send the event) above it, the checks as one line of badges with the details a click away,
 * and the event data beside it. Editing the data re-renders the preview as you type (debounced); an
 * invalid edit says why and keeps the last good render. Without JavaScript every control is a link or
 * a form that posts, and the page answers with the same view.
 */
export default function TemplateDetail({ loaderData, actionData }: Route.ComponentProps) {
  const { t } = useTranslation()
  const { templateDescription } = useStudioFormat()
  const { info, view, sample, canEmit, engagement } = loaderData
  const answer = actionData as Answer | undefined
  const previewFetcher = useFetcher<Answer>()
  const sendFetcher = useFetcher<Answer>()
  const emitFetcher = useFetcher<Answer>()
  // Without JavaScript the fetcher forms post as plain forms, and their answer arrives as actionData.
  const fallback = (intent: string) => (answer && 'intent' in answer && answer.intent === intent ? answer : undefined)
  const previewAnswer = previewFetcher.data ?? fallback('preview')
  const preview = previewAnswer && 'render' in previewAnswer ? previewAnswer : undefined
  const render = preview?.render ?? loaderData.render
  const lastGood = preview?.lastGood ?? sample

  return (
    <>
      <header className="detail-header">
        <h1 className="mono" translate="no">
          {info.id}
        </h1>
        <p className="hint">
          <span className={`category category-${info.category}`} data-testid="category">
            {t(`studio.category.${info.category}`)}
            {info.topic ? ` · ${t(`studio.topic.${info.topic}`)}` : null}
          </span>{' '}
          ·{' '}
          <span className="mono" translate="no">
            {info.event}
          </span>{' '}
          · {templateDescription(info.id)}
        </p>
      </header>
      <InngestNoticeBanner notice={loaderData.inngest} />
      <DetailToolbar info={info} view={view} locales={render.locales} />
      <div className="detail-actions">
        <SendTestForm fetcher={sendFetcher} answer={sendFetcher.data ?? fallback('send-test')} view={view} data={lastGood} />
        <EmitEventForm fetcher={emitFetcher} answer={emitFetcher.data ?? fallback('emit')} view={view} data={lastGood} event={info.event} canEmit={canEmit} />
      </div>
      {answer?.errors?.form ? (
        <p className="error" role="alert">
          {t(answer.errors.form)}
        </p>
      ) : null}
      <ChecksSummary view={view} render={render} engagement={engagement} />
      <div className="detail">
        <PreviewPane view={view} render={render} updating={previewFetcher.state !== 'idle'} edited={Boolean(preview)} />
        <DataEditor key={`${view.template}/${view.sample}`} fetcher={previewFetcher} answer={preview} view={view} sample={sample} lastGood={lastGood} info={info} />
      </div>
      <p>
        <Link to="/admin/emails">{t('studio.detail.back')}</Link>
      </p>
    </>
  )
}
