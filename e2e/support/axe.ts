import AxeBuilder from '@axe-core/playwright'
import type { Page } from '@playwright/test'

/** What the suite refuses: WCAG 2.2 A/AA failures and best practices that axe rates serious or critical. */
const BLOCKING = new Set(['serious', 'critical'])

export type Violation = { page: string; rule: string; impact: string; help: string; targets: string[] }

/**
 * Runs axe-core over the page as it stands (after whatever the test did to it) and returns its serious
 * and critical violations, each named by `label` so that one run reports every page at once.
 *
 * The emails inside the studio's frames are left out: they are React Email documents made for mail
 * clients, checked by the studio's own checks (app/studio/checks), and the page around them is what a
 * person navigates. Every rule runs; none is disabled.
 */
export async function axeViolations(page: Page, label: string): Promise<Violation[]> {
  const results = await new AxeBuilder({ page }).exclude('iframe').analyze()
  return results.violations
    .filter((v) => v.impact && BLOCKING.has(v.impact))
    .map((v) => ({ page: label, rule: v.id, impact: v.impact!, help: v.help, targets: v.nodes.slice(0, 5).map((n) => n.target.join(' ')) }))
}

/** A readable list for an assertion message. */
export function describeViolations(violations: Violation[]): string {
  return violations.map((v) => `${v.page}: [${v.impact}] ${v.rule} (${v.help}) at ${v.targets.join(', ')}`).join('\n')
}
