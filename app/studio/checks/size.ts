import { result, type CheckResult } from './types'

/** Gmail clips messages whose HTML is larger than about 102 KB behind a "View entire message" link. */
export const GMAIL_CLIP_BYTES = 102 * 1024
/** Past this, sending tools' tracking links and pixels can push the message over the limit. */
export const SIZE_WARN_BYTES = Math.round(GMAIL_CLIP_BYTES * 0.85)

export function checkSize(html: string): CheckResult {
  const bytes = Buffer.byteLength(html, 'utf8')
  const kb = htmlKilobytes(html)
  if (bytes > GMAIL_CLIP_BYTES) return result('size', [{ key: 'sizeClipped', params: { kb, limit: 102 }, status: 'fail' }])
  if (bytes > SIZE_WARN_BYTES) return result('size', [{ key: 'sizeNearClip', params: { kb, limit: 102 }, status: 'warn' }])
  return result('size', [])
}

/** The HTML's size in KB, to one decimal: what the size check, the grid and the detail view show. */
export function htmlKilobytes(html: string): number {
  return Math.round((Buffer.byteLength(html, 'utf8') / 1024) * 10) / 10
}
