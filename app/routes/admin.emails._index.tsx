import { useTranslation } from '~/i18n/translation'
import { Link } from 'react-router'
import type { Route } from './+types/admin.emails._index'
import { titleMeta } from '~/components/title-meta'
import { requireStudioUser } from '~/auth/roles.server'
import { getInstance } from '~/i18n/i18next.server'
import { forAudience } from '~/studio/audience.server'
import { studioGrid } from '~/studio/templates.server'
import { CheckBadges } from '~/studio/ui/check-badges'
import { HeadlineRates } from '~/studio/ui/engagement-chart'
import { headlineRates } from '~/engagement/analytics.server'
import { useStudioFormat } from '~/studio/ui/format'
import { compareHref } from '~/studio/ui/detail-preview'

export async function loader({ request, context }: Route.LoaderArgs) {
  await requireStudioUser(request)
  // Compatibility counts only for the clients the team's audience uses (STUDIO_EMAIL_CLIENTS).
  const engagement = headlineRates()
  const rows = (await studioGrid()).map((row) => ({
    ...row,
    cells: row.cells.map((cell) => ({ ...cell, checks: forAudience(cell.checks), engagement: engagement.cell(row.template.id, cell.locale) })),
  }))
  return { title: getInstance(context).t('studio.grid.title'), rows }
}

export const meta: Route.MetaFunction = titleMeta

export default function EmailGrid({ loaderData: { rows } }: Route.ComponentProps) {
  const { t } = useTranslation()
  const { languageName, languageLabel, kb, templateDescription, sampleLabel } = useStudioFormat()
  return (
    <>
      <h1>{t('studio.grid.title')}</h1>
      <p className="hint">{t('studio.grid.intro')}</p>
      <div className="grid" data-testid="email-grid">
        {rows.map((row) => (
          <section key={row.template.id} className="grid-row" data-template={row.template.id} aria-labelledby={`tpl-${row.template.id}`}>
            <header className="grid-row-header">
              <h2 id={`tpl-${row.template.id}`}>
                <Link to={`/admin/emails/${row.template.id}`} translate="no">
                  {row.template.id}
                </Link>
              </h2>
              <p className="hint">
                <span className={`category category-${row.template.category}`} data-testid="category">
                  {t(`studio.category.${row.template.category}`)}
                  {row.template.topic ? ` · ${t(`studio.topic.${row.template.topic}`)}` : null}
                </span>{' '}
                ·{' '}
                <span className="mono" translate="no">
                  {row.template.event}
                </span>{' '}
                · {templateDescription(row.template.id)} · {t('studio.grid.sample', { sample: sampleLabel(row.sample) })} ·{' '}
                <Link to={compareHref({ template: row.template.id, sample: row.sample, width: 'desktop' })} data-testid="compare-link">
                  {t('studio.compare.link')}
                </Link>
              </p>
            </header>
            <div className="grid-cells">
              {row.cells.map((cell) => (
                // The cell speaks the interface's language; only the email's own words carry the email's.
                <article key={cell.locale} className="cell" data-locale={cell.locale}>
                  <Link
                    to={`/admin/emails/${row.template.id}?locale=${cell.locale}&sample=${row.sample}`}
                    className="thumb"
                    aria-label={t('studio.grid.open', { template: row.template.id, locale: languageName(cell.locale) })}
                  >
                    <iframe
                      title={t('studio.grid.thumbnail', { template: row.template.id, locale: languageName(cell.locale) })}
                      src={`/admin/emails/${row.template.id}/preview?locale=${cell.locale}&sample=${row.sample}`}
                      loading="lazy"
                      sandbox=""
                      tabIndex={-1}
                    />
                  </Link>
                  <p className="cell-locale">
                    {languageLabel(cell.locale)} · {kb(cell.kb)}
                  </p>
                  <p className="subject" data-testid="subject" lang={cell.locale}>
                    {cell.subject}
                  </p>
                  <p className="preview-text" lang={cell.locale}>
                    {cell.previewText}
                  </p>
                  <CheckBadges checks={cell.checks} locale={cell.locale} />
                  <HeadlineRates headline={cell.engagement} />
                </article>
              ))}
            </div>
          </section>
        ))}
      </div>
    </>
  )
}
