import { buildEml, downloadResponse, safeFilename } from '~/email/eml.server'
import { env } from '~/env.server'
import { renderOne, sampleInput, studioEnvelope, type StudioView } from './templates.server'

export const DOWNLOAD_FORMATS = ['html', 'eml'] as const
export type DownloadFormat = (typeof DOWNLOAD_FORMATS)[number]
export const isDownloadFormat = (value: unknown): value is DownloadFormat => DOWNLOAD_FORMATS.includes(value as DownloadFormat)

/** A made-up recipient for a preview: the studio sends nothing, and a real address has no place in a file. */
export const SAMPLE_RECIPIENT = 'recipient@example.com'

/**
 * A template's rendering for a named sample and language, as a file: the exact HTML that is sent, or the
 * whole message as an .eml (the From and headers sendEmail gives it, text and HTML), to open in a mail
 * client or hand to a tool. The same render as the preview (kept per process in production).
 */
export async function studioDownload(view: StudioView, format: DownloadFormat): Promise<Response | null> {
  const rendered = await renderOne(view.template, view.sample, view.locale)
  const input = sampleInput(view.template, view.sample)
  if (!rendered || !input) return null
  const filename = safeFilename(`${view.template}-${view.locale}-${view.sample}`, format)
  if (format === 'html') return downloadResponse(rendered.html, 'text/html; charset=utf-8', filename)
  const eml = await buildEml({
    from: env.EMAIL_FROM,
    to: SAMPLE_RECIPIENT,
    subject: rendered.subject,
    html: rendered.html,
    text: rendered.text,
    headers: studioEnvelope(view.template, input).headers,
    messageId: `${filename.replace(/\.eml$/, '')}@studio.${new URL(env.APP_URL).hostname}`,
  })
  return downloadResponse(eml, 'message/rfc822', filename)
}
