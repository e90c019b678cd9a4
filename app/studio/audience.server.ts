import { env } from '~/env.server'
import type { CheckResult, Finding } from './checks/types'

export type ClientFamily = (typeof env.STUDIO_EMAIL_CLIENTS)[number]

/** The families the team's audience reads with (STUDIO_EMAIL_CLIENTS), in the order they were given. */
export const audienceFamilies = (): ClientFamily[] => env.STUDIO_EMAIL_CLIENTS

/** caniemail names clients `family.platform` (gmail.android, outlook.windows-mail…). */
export const familyOf = (client: string) => client.split('.')[0]!

/**
 * A check result as the team's audience sees it: compatibility findings keep only the clients of the
 * chosen families, a finding no such client has disappears, and the badge is orange only if one of them
 * does not support something. Every other check is left as it is.
 */
export function forAudience(checks: CheckResult[], families: readonly string[] = audienceFamilies()): CheckResult[] {
  // The studio keeps each email's checks between requests (templates.server.ts): so is their audience's
  // view of them, per list of families, and the same finding objects come back on every page.
  const key = families.join(',')
  let views = seen.get(checks)
  if (!views) seen.set(checks, (views = new Map()))
  let view = views.get(key)
  if (!view) views.set(key, (view = audienceView(checks, families)))
  return view
}

const seen = new WeakMap<CheckResult[], Map<string, CheckResult[]>>()

function audienceView(checks: CheckResult[], families: readonly string[]): CheckResult[] {
  return checks.map((check) => {
    if (check.id !== 'compat') return check
    const findings = check.findings.flatMap((finding): Finding[] => {
      const clients = String(finding.params?.clients ?? '')
        .split(', ')
        .filter((client) => client && families.includes(familyOf(client)))
      return clients.length ? [{ ...finding, params: { ...finding.params, clients: clients.join(', '), count: clients.length } }] : []
    })
    const status = findings.some((f) => f.key === 'compatUnsupported') ? 'warn' : 'pass'
    return { ...check, status, findings }
  })
}
