import { collapse, type ParsedEmail } from './parse-html'
import { result, type CheckResult, type Finding } from './types'

/** Inbox lists show roughly 40 to 140 characters after the subject, depending on client and screen. */
export const PREVIEW_MAX = 140
export const PREVIEW_MIN = 30

export function checkPreview(rendered: { subject: string; previewText: string | null | undefined }, parsed: Pick<ParsedEmail, 'bodyText'>): CheckResult {
  const preview = collapse(rendered.previewText ?? '')
  const findings: Finding[] = []
  if (!preview) return result('preview', [{ key: 'previewMissing', status: 'fail' }])
  // React Email's <Preview> cuts the hidden text at 150 characters; the start is what must be there.
  if (!parsed.bodyText.includes(preview.slice(0, 100))) findings.push({ key: 'previewNotInHtml', status: 'fail' })
  if (preview.length > PREVIEW_MAX) findings.push({ key: 'previewTooLong', params: { length: preview.length, max: PREVIEW_MAX }, status: 'warn' })
  else if (preview.length < PREVIEW_MIN) findings.push({ key: 'previewTooShort', params: { length: preview.length, min: PREVIEW_MIN }, status: 'warn' })
  if (preview === collapse(rendered.subject)) findings.push({ key: 'previewSameAsSubject', status: 'warn' })
  return result('preview', findings)
}
