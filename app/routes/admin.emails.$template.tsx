import { useTranslation } from 'react-i18next'
import { data, Form, Link, useFetcher, useNavigation, type ShouldRevalidateFunctionArgs } from 'react-router'
import type { Route } from './+types/admin.emails.$template'
import { SubmitButton, useFocusOnAnswer } from '~/components/submit'
import { titleMeta } from '~/components/title-meta'
import type { FormErrors } from '~/http/parse-form.server'
import { formAction, forwardActionHeaders } from '~/auth/form-guards.server'
import { isProduction } from '~/env.server'
import { requireStudioUser } from '~/auth/roles.server'
import { getInstance, getLocale } from '~/i18n/i18next.server'
import { LOCALES } from '~/i18n/locales'
import { detailAction, type DetailActionData } from '~/studio/detail-action.server'
import { detailRender, sampleJson } from '~/studio/detail.server'
import { isTemplateId, resolveView, sampleInput, templateInfo } from '~/studio/templates.server'
import { EmitEventForm, SendTestForm } from '~/studio/ui/detail-forms'
import { DetailToolbar, PreviewPane } from '~/studio/ui/detail-preview'
import { CheckBadges, Findings } from '~/studio/ui/check-badges'

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
    render: await detailRender(template, view.locale, sampleInput(template, view.sample)!),
    canEmit: user.role === 'admin' || !isProduction,
  }
}

export async function action({ request, params, context }: Route.ActionArgs) {
  const user = await requireStudioUser(request)
  const template = templateOr404(params.template)
  return formAction(request, () => detailAction(request, context, user, template, getLocale(context)))
}

// Sending a test or an event changes nothing this page shows: no need to render three languages again.
export function shouldRevalidate({ formData, defaultShouldRevalidate }: ShouldRevalidateFunctionArgs) {
  const intent = formData?.get('intent')
  return intent === 'send-test' || intent === 'emit' ? false : defaultShouldRevalidate
}

export const meta: Route.MetaFunction = titleMeta

type FormRejection = { errors?: FormErrors }

export default function TemplateDetail({ loaderData, actionData }: Route.ComponentProps) {
  const { t } = useTranslation()
  const { info, view, sample, canEmit } = loaderData
  const answer = actionData as (DetailActionData & FormRejection) | undefined
  const preview = answer && 'intent' in answer && answer.intent === 'preview' ? answer : undefined
  const render = preview?.render ?? loaderData.render
  const lastGood = preview?.lastGood ?? sample
  const submitting = useNavigation().state === 'submitting'
  const dataFormRef = useFocusOnAnswer(preview)
  const sendFetcher = useFetcher<DetailActionData & FormRejection>()
  const emitFetcher = useFetcher<DetailActionData & FormRejection>()
  // Without JavaScript the fetcher forms post as plain forms, and their answer arrives as actionData.
  const fallback = (intent: string) => (answer && 'intent' in answer && answer.intent === intent ? answer : undefined)

  return (
    <>
      <h1 className="mono">{info.id}</h1>
      <p className="hint">
        <span className="mono">{info.event}</span> · {info.description}
      </p>
      <DetailToolbar info={info} view={view} locales={render.locales} />
      <div className="detail">
        <PreviewPane view={view} render={render} />
        <aside className="detail-side">
          <section className="panel" aria-labelledby="checks-title">
            <h2 id="checks-title">{t('studio.checks.title')}</h2>
            <table className="data checks-table">
              <tbody>
                {LOCALES.map((locale) => (
                  <tr key={locale} aria-current={locale === view.locale ? 'true' : undefined}>
                    <th scope="row">{t(`language.${locale}`)}</th>
                    <td>
                      <CheckBadges checks={render.locales[locale].checks} locale={locale} />
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
            <h3>{t('studio.checks.findingsFor', { language: t(`language.${view.locale}`) })}</h3>
            <Findings checks={render.locales[view.locale].checks} />
          </section>

          <section className="panel" aria-labelledby="data-title">
            <h2 id="data-title">{t('studio.detail.data')}</h2>
            <p className="hint">{t('studio.detail.dataHint', { event: info.event })}</p>
            <Form method="post" key={`${view.template}/${view.sample}`} ref={dataFormRef}>
              <input type="hidden" name="intent" value="preview" />
              <input type="hidden" name="locale" value={view.locale} />
              <input type="hidden" name="sample" value={view.sample} />
              <input type="hidden" name="lastGood" value={lastGood} />
              <label htmlFor="sample-data" className="visually-hidden">
                {t('studio.detail.data')}
              </label>
              <textarea id="sample-data" name="data" className="json" rows={14} spellCheck={false} defaultValue={preview?.data ?? sample} aria-invalid={preview?.error ? true : undefined} aria-describedby={preview?.error ? 'data-error' : undefined} />
              {preview?.error ? (
                <div id="data-error" className="error" role="alert">
                  <p>{t('studio.detail.dataRejected')}</p>
                  <pre data-testid="data-error">{preview.error}</pre>
                </div>
              ) : null}
              <SubmitButton pending={submitting}>{t('studio.detail.applyData')}</SubmitButton>
            </Form>
            {info.contextFields.length > 0 ? (
              <p className="hint" data-testid="context-fields">
                {t('studio.detail.context')}: <code>{info.contextFields.join(', ')}</code>
              </p>
            ) : null}
          </section>

          <SendTestForm fetcher={sendFetcher} answer={sendFetcher.data ?? fallback('send-test')} view={view} data={lastGood} />
          <EmitEventForm fetcher={emitFetcher} answer={emitFetcher.data ?? fallback('emit')} view={view} data={lastGood} event={info.event} canEmit={canEmit} />
          {answer?.errors?.form ? (
            <p className="error" role="alert">
              {t(answer.errors.form)}
            </p>
          ) : null}
        </aside>
      </div>
      <p>
        <Link to="/admin/emails">{t('studio.detail.back')}</Link>
      </p>
    </>
  )
}
