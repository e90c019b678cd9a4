import type { ParsedEmail } from './parse-html'
import { result, type CheckResult, type Finding } from './types'

/**
 * Every image needs an alt attribute: many clients block images by default and show the alt text
 * instead, and screen readers read it. An empty alt="" is accepted: it marks a decorative image.
 */
export function checkImages(parsed: Pick<ParsedEmail, 'images'>): CheckResult {
  const findings: Finding[] = parsed.images
    .filter((image) => image.alt === null)
    .map((image) => ({ key: 'imageNoAlt', params: { src: shorten(image.src) }, status: 'fail' as const }))
  return result('images', findings)
}

const shorten = (value: string) => (value.length > 80 ? `${value.slice(0, 77)}…` : value) || '(no src)'
