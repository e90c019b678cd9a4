export type CheckId = 'size' | 'images' | 'links' | 'semantics' | 'preview' | 'untranslated' | 'compat' | 'headers' | 'sender'

export type CheckStatus = 'pass' | 'warn' | 'fail'

/**
 * One thing a check found. `key` is a translation key under `studio.findings` (the studio shows it in
 * the marketer's language); `params` fill its placeholders. `detail` is untranslated source material
 * (a URL, caniemail's notes), shown as is.
 */
export type Finding = { key: string; params?: Record<string, string | number>; status: Exclude<CheckStatus, 'pass'>; detail?: string[] }

export type CheckResult = { id: CheckId; status: CheckStatus; findings: Finding[] }

/** The worst status among findings. */
export function worstStatus(findings: Finding[]): CheckStatus {
  if (findings.some((f) => f.status === 'fail')) return 'fail'
  if (findings.some((f) => f.status === 'warn')) return 'warn'
  return 'pass'
}

export function result(id: CheckId, findings: Finding[]): CheckResult {
  return { id, status: worstStatus(findings), findings }
}
