import type { ReactNode } from 'react'
import { useTranslation } from '~/i18n/translation'
import { Link } from 'react-router'
import { LOCALES } from '~/i18n/locales'
import type { DetailRender } from '../detail.server'
import type { StudioView, TemplateInfo } from '../templates.server'
import { useStudioFormat } from './format'

const TABS = ['email', 'text', 'source', 'envelope'] as const

/** The same view with some of its settings changed: every control is a link, so a URL is one exact view. */
export function viewHref(view: StudioView, patch: Partial<StudioView>) {
  const next = { ...view, ...patch }
  const search = new URLSearchParams({ locale: next.locale, sample: next.sample })
  if (next.width !== 'desktop') search.set('width', next.width)
  if (next.tab !== 'email') search.set('tab', next.tab)
  if (next.dark) search.set('dark', '1')
  return `/admin/emails/${next.template}?${search}`
}

/** The languages side by side for a sample and width (another sample or width is another link). */
export function compareHref(view: Pick<StudioView, 'template' | 'sample' | 'width'>) {
  const search = new URLSearchParams({ sample: view.sample })
  if (view.width !== 'desktop') search.set('width', view.width)
  return `/admin/emails/${view.template}/compare?${search}`
}

/** The sample and width switchers of the template page and the comparison: links, so a URL is one exact view. */
export function SampleAndWidth({ info, view, href }: { info: TemplateInfo; view: Pick<StudioView, 'sample' | 'width'>; href: (patch: Partial<StudioView>) => string }) {
  const { t } = useTranslation()
  const { sampleLabel } = useStudioFormat()
  return (
    <>
      <nav aria-label={t('studio.detail.sample')} className="segmented" data-testid="sample-switcher">
        {info.samples.map((sample) => (
          <Link key={sample.key} to={href({ sample: sample.key })} aria-current={sample.key === view.sample ? 'true' : undefined} title={sampleLabel(sample.key)} translate="no">
            {sample.key}
          </Link>
        ))}
      </nav>
      <nav aria-label={t('studio.detail.width')} className="segmented" data-testid="width-switcher">
        {(['desktop', 'mobile'] as const).map((width) => (
          <Link key={width} to={href({ width })} aria-current={width === view.width ? 'true' : undefined}>
            {t(`studio.detail.${width}`)}
          </Link>
        ))}
      </nav>
    </>
  )
}

export function DetailToolbar({ info, view, locales }: { info: TemplateInfo; view: StudioView; locales: DetailRender['locales'] }) {
  const { t } = useTranslation()
  return (
    <div className="toolbar">
      <nav aria-label={t('studio.detail.locale')} className="segmented" data-testid="locale-switcher">
        {LOCALES.map((locale) => (
          <Link key={locale} to={viewHref(view, { locale })} aria-current={locale === view.locale ? 'true' : undefined} title={locales[locale].subject} lang={locale}>
            {locale.toUpperCase()}
          </Link>
        ))}
      </nav>
      <SampleAndWidth info={info} view={view} href={(patch) => viewHref(view, patch)} />
      <nav aria-label={t('studio.detail.tabs')} className="segmented" data-testid="tab-switcher">
        {TABS.map((tab) => (
          <Link key={tab} to={viewHref(view, { tab })} aria-current={tab === view.tab ? 'true' : undefined}>
            {t(`studio.detail.tab.${tab}`)}
          </Link>
        ))}
      </nav>
      <Link to={compareHref(view)} className="toolbar-link" data-testid="compare-link">
        {t('studio.compare.link')}
      </Link>
    </div>
  )
}

/**
 * The email as the Gmail and Outlook apps show it when they force dark mode on an email that does not
 * ask for it: every colour inverted (hue kept), images and backgrounds painted back so photos and logos
 * look as drawn. Done with CSS inside the frame's own document, since the frame runs no scripts.
 */
export function forcedDark(html: string) {
  const style =
    '<style data-studio-dark>html{filter:invert(1) hue-rotate(180deg);background:#fff}img,picture,video,[background],[style*="background-image"]{filter:invert(1) hue-rotate(180deg)}</style>'
  return html.includes('</head>') ? html.replace('</head>', `${style}</head>`) : `${style}${html}`
}

export function downloadHref(view: StudioView, format: 'html' | 'eml') {
  return `/admin/emails/${view.template}/download?${new URLSearchParams({ locale: view.locale, sample: view.sample, format })}`
}

/** An email's subject and preview text, each in the email's language; `children` adds rows of their own. */
export function EnvelopeSummary({
  testId,
  locale,
  subject,
  previewText,
  children,
}: {
  testId: string
  locale: string
  subject: string
  previewText: string
  children?: ReactNode
}) {
  const { t } = useTranslation()
  return (
    <dl className="envelope-summary">
      <dt>{t('studio.envelope.subject')}</dt>
      <dd data-testid={`${testId}-subject`} lang={locale}>
        {subject}
      </dd>
      <dt>{t('studio.envelope.previewText')}</dt>
      <dd data-testid={`${testId}-preview-text`} lang={locale}>
        {previewText}
      </dd>
      {children}
    </dl>
  )
}

export function PreviewPane({ view, render, updating = false, edited = false }: { view: StudioView; render: DetailRender; updating?: boolean; edited?: boolean }) {
  const { t } = useTranslation()
  const { kb, sampleLabel } = useStudioFormat()
  const { selected } = render
  return (
    <div className="preview-pane" data-width={view.width} aria-busy={updating || undefined} data-testid="preview-pane">
      <EnvelopeSummary testId="detail" locale={selected.locale} subject={selected.subject} previewText={selected.previewText} />
      {view.tab === 'email' ? (
        <div className="preview-mode">
          <nav aria-label={t('studio.dark.label')} className="segmented" data-testid="dark-switcher">
            {[false, true].map((dark) => (
              <Link key={String(dark)} to={viewHref(view, { dark })} aria-current={dark === view.dark ? 'true' : undefined}>
                {t(dark ? 'studio.dark.dark' : 'studio.dark.light')}
              </Link>
            ))}
          </nav>
          {view.dark ? (
            <p className="hint" data-testid="dark-hint">
              {t('studio.dark.hint')}
            </p>
          ) : null}
        </div>
      ) : null}
      {view.tab === 'email' ? (
        <iframe
          className={`email-frame email-frame-${view.width}`}
          data-testid="email-frame"
          data-dark={view.dark || undefined}
          title={t('studio.detail.frameTitle', { subject: selected.subject })}
          srcDoc={view.dark ? forcedDark(selected.html) : selected.html}
          // No scripts and an opaque origin: the email cannot reach the studio's cookies or DOM.
          sandbox="allow-popups allow-popups-to-escape-sandbox"
          width={view.width === 'mobile' ? 375 : 640}
          height={900}
        />
      ) : null}
      {view.tab === 'text' ? (
        <pre className="source" data-testid="plain-text" lang={selected.locale} tabIndex={0}>
          {selected.text}
        </pre>
      ) : null}
      {view.tab === 'source' && render.source ? (
        <pre className="source source-highlighted" data-testid="html-source" tabIndex={0} role="region" aria-label={t('studio.detail.tab.source')}>
          {/* Escaped and wrapped in spans by highlight.js on the server (app/studio/source.server.ts). */}
          <code dangerouslySetInnerHTML={{ __html: render.source }} />
        </pre>
      ) : null}
      {view.tab === 'source' && !render.source ? (
        <pre className="source" data-testid="html-source" tabIndex={0} role="region" aria-label={t('studio.detail.tab.source')}>
          {selected.html}
        </pre>
      ) : null}
      {view.tab === 'envelope' ? (
        <table className="data" data-testid="envelope">
          <tbody>
            <tr>
              <th scope="row">{t('studio.envelope.from')}</th>
              <td>{render.envelope.from}</td>
            </tr>
            <tr>
              <th scope="row">{t('studio.mailbox.to')}</th>
              <td className="hint">{t('studio.envelope.to')}</td>
            </tr>
            <tr>
              <th scope="row">{t('studio.envelope.subject')}</th>
              <td lang={selected.locale}>{selected.subject}</td>
            </tr>
            {Object.entries(render.envelope.headers).map(([name, value]) => (
              <tr key={name}>
                {/* A header's name is the protocol's, the same in every language. */}
                <th scope="row" className="mono" translate="no">
                  {name}
                </th>
                <td className="mono">{value}</td>
              </tr>
            ))}
            <tr>
              <th scope="row">{t('studio.envelope.previewText')}</th>
              <td lang={selected.locale}>{selected.previewText}</td>
            </tr>
            <tr>
              <th scope="row">{t('studio.envelope.size')}</th>
              <td>{kb(render.locales[view.locale].kb)}</td>
            </tr>
          </tbody>
        </table>
      ) : null}
      <p className="downloads" data-testid="downloads">
        {t('studio.download.label', { sample: sampleLabel(view.sample) })}{' '}
        <a href={downloadHref(view, 'html')} download data-testid="download-html">
          {t('studio.download.html')}
        </a>{' '}
        ·{' '}
        <a href={downloadHref(view, 'eml')} download data-testid="download-eml">
          {t('studio.download.eml')}
        </a>
        {edited ? <span className="hint"> {t('studio.download.edited')}</span> : null}
      </p>
    </div>
  )
}
