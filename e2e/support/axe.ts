import type axe from 'axe-core'
import { readFileSync } from 'node:fs'
import { createRequire } from 'node:module'
import type { Page } from '@playwright/test'

/** What the suite refuses: WCAG 2.2 A/AA failures and best practices that axe rates serious or critical. */
const BLOCKING = new Set(['serious', 'critical'])

export type Violation = { page: string; rule: string; impact: string; help: string; targets: string[] }

type AxeWindow = { axe?: typeof axe }

/**
 * axe-core's minified build (580 KB), not `axe.source` (the 1.3 MB readable one): it is sent to and parsed by
 * every page checked, and the readable one's parse was most of a check on a small page.
 */
const AXE_SOURCE = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8')

/**
 * Runs axe-core over the page as it stands (after whatever the test did to it) and returns its serious
 * and critical violations, each named by `label` so that one run reports every page at once.
 *
 * The emails inside the studio's frames are left out: they are React Email documents made for mail
 * clients, checked by the studio's own checks (app/studio/checks), and the page around them is what a
 * person navigates. Every rule runs; none is disabled.
 *
 * axe.run in the page itself, as @axe-core/playwright's legacy mode does, rather than its default
 * runPartial/finishRun: that one injects axe into every frame and opens a blank page per call to merge
 * the frames' results, which on the studio's grid (42 email frames, all excluded anyway) was most of
 * the time. Only violations are sent back (`resultTypes`): the passes were serialised and dropped.
 */
export async function axeViolations(page: Page, label: string): Promise<Violation[]> {
  if (!(await page.evaluate(() => Boolean((window as AxeWindow).axe)))) await page.evaluate(AXE_SOURCE)
  const results = await page.evaluate(() =>
    (window as AxeWindow)
      .axe!.run({ exclude: [['iframe']] } as never, { iframes: false, resultTypes: ['violations'] })
      .then((r) => r.violations.map((v) => ({ id: v.id, impact: v.impact ?? null, help: v.help, targets: v.nodes.slice(0, 5).map((n) => n.target.join(' ')) }))),
  )
  return results.filter((v) => v.impact && BLOCKING.has(v.impact)).map((v) => ({ page: label, rule: v.id, impact: v.impact!, help: v.help, targets: v.targets }))
}

/** A readable list for an assertion message. */
export function describeViolations(violations: Violation[]): string {
  return violations.map((v) => `${v.page}: [${v.impact}] ${v.rule} (${v.help}) at ${v.targets.join(', ')}`).join('\n')
}
