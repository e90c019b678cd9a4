import { useTranslation } from '~/i18n/translation'
import { data, Link } from 'react-router'
import type { Route } from './+types/admin.emails.$template.compare'
import { titleMeta } from '~/components/title-meta'
import { requireStudioUser } from '~/auth/roles.server'
import { getInstance, getLocale } from '~/i18n/i18next.server'
import { compareColumns } from '~/studio/compare.server'
import { isTemplateId, resolveView, templateInfo } from '~/studio/templates.server'
import { compareHref, EnvelopeSummary, SampleAndWidth, viewHref } from '~/studio/ui/detail-preview'
import { useStudioFormat } from '~/studio/ui/format'

export async function loader({ request, params, context }: Route.LoaderArgs) {
  await requireStudioUser(request)
  if (!isTemplateId(params.template)) throw data({ error: 'notFound' }, { status: 404 })
  const view = resolveView(params.template, new URL(request.url).searchParams, getLocale(context))
  const columns = await compareColumns(view.template, view.sample)
  if (!columns) throw data({ error: 'notFound' }, { status: 404 })
  const t = getInstance(context).t
  return { title: `${t('studio.compare.title')} · ${view.template} · ${t('studio.grid.title')}`, info: templateInfo(view.template), view, columns }
}

export const meta: Route.MetaFunction = titleMeta

/**
 * One template and one sample in French, English and Spanish side by side, at desktop or mobile width,
 * each with its subject and preview text above it: what a translator checks (same meaning, no line
 * that overflows in one language) and a marketer signs off. On a narrow screen the languages stack.
 */
export default function CompareLanguages({ loaderData: { info, view, columns } }: Route.ComponentProps) {
  const { t } = useTranslation()
  const { languageLabel, languageName, kb, sampleLabel } = useStudioFormat()
  return (
    <>
      <header className="detail-header">
        <h1>
          {t('studio.compare.title')} ·{' '}
          <span className="mono" translate="no">
            {info.id}
          </span>
        </h1>
        <p className="hint">{t('studio.compare.intro', { sample: sampleLabel(view.sample) })}</p>
      </header>
      <div className="toolbar">
        <SampleAndWidth info={info} view={view} href={(patch) => compareHref({ ...view, ...patch })} />
        <Link to={viewHref(view, {})}>{t('studio.compare.back')}</Link>
      </div>
      <div className="compare" data-width={view.width} data-testid="compare" role="region" aria-label={t('studio.compare.region')} tabIndex={0}>
        {columns.map((column) => (
          <section key={column.locale} className="compare-column" data-locale={column.locale} aria-labelledby={`compare-${column.locale}`}>
            <h2 id={`compare-${column.locale}`}>{languageLabel(column.locale)}</h2>
            <EnvelopeSummary testId="compare" locale={column.locale} subject={column.subject} previewText={column.previewText}>
              <dt>{t('studio.envelope.size')}</dt>
              <dd>{kb(column.kb)}</dd>
              <dt>{t('studio.checks.title')}</dt>
              <dd>
                <span className={`badge badge-${column.status}`} data-status={column.status} data-testid="compare-status">
                  {t(`studio.status.${column.status}`)}
                </span>
              </dd>
            </EnvelopeSummary>
            <iframe
              className={`email-frame email-frame-${view.width}`}
              data-testid="compare-frame"
              title={t('studio.grid.thumbnail', { template: info.id, locale: languageName(column.locale) })}
              srcDoc={column.html}
              // As on the template page: no scripts and an opaque origin.
              sandbox="allow-popups allow-popups-to-escape-sandbox"
              width={view.width === 'mobile' ? 375 : 640}
              height={900}
            />
            <p>
              <Link to={viewHref({ ...view, locale: column.locale }, {})}>{t('studio.grid.open', { template: info.id, locale: languageName(column.locale) })}</Link>
            </p>
          </section>
        ))}
      </div>
    </>
  )
}
