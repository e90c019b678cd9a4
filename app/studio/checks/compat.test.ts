import { beforeAll, describe, expect, it } from 'vitest'
import { LOCALES } from '~/i18n/locales'
import { renderAllLocales, renderOne, sampleInput, studioGrid, templateInfo, TEMPLATE_IDS } from '../templates.server'
import { caniemailCalls, compatIssues, compatIssuesWhole, loadCompatData } from './compat'

beforeAll(loadCompatData)

/** compatIssues by parts, failing if it fell back to checking the email whole (which would prove nothing). */
function byParts(html: string) {
  const wholeBefore = caniemailCalls.whole
  const issues = compatIssues(html)
  expect(caniemailCalls.whole, 'checked whole instead of by parts').toBe(wholeBefore)
  return issues
}

// compatIssues checks an email by parts (each distinct stylesheet and element once per process) and puts
// the answers together; compatIssuesWhole hands caniemail the whole email, as the studio always did. The
// studio must show the same findings, in the same order, with the same clients and notes, either way.
describe('the compatibility check by parts finds what caniemail finds in the whole email', () => {
  for (const id of TEMPLATE_IDS) {
    it(`${id}: every sample, every language`, async () => {
      for (const { key } of templateInfo(id).samples) {
        const rendered = await renderAllLocales(id, sampleInput(id, key)!)
        for (const locale of LOCALES) {
          const { html } = rendered[locale]
          const whole = compatIssuesWhole(html)
          expect(whole.length, `${id} ${key} ${locale}`).toBeGreaterThan(0)
          expect(byParts(html), `${id} ${key} ${locale}`).toEqual(whole)
        }
      }
    })
  }

  const page = (head: string, body: string) => `<!DOCTYPE html><html lang="en" dir="ltr"><head><meta charset="utf-8">${head}</head><body>${body}</body></html>`
  const crafted: Record<string, string> = {
    'stylesheets in head and body, at-rules, selectors': page(
      '<style>@media (max-width:600px){.a{display:block}} .a > p + p, #x ~ span{margin:0 auto}</style><style media="screen">@font-face{font-family:X;src:url(x.woff2)}</style>',
      '<div class="a"><style>p:hover{color:red}</style><p>One</p><p>Two</p></div>',
    ),
    'the same stylesheet twice, the same element many times': page(
      '<style>p{margin:0}</style><style>p{margin:0}</style>',
      '<table role="presentation"><tr><td style="padding:8px">a</td><td style="padding:8px">b</td></tr><tr><td style="padding:8px">c</td></tr></table>',
    ),
    'attribute values with quotes, ampersands and angle brackets': page(
      '',
      `<a href="https://x.example/?a=1&amp;b=&quot;2&quot;" title="a &lt;b&gt; 'c'" target="_blank">x</a><img alt='say "hi"' src="x.png" width="10">`,
    ),
    'links the data matches on values: anchors, mailto:, names': page('', '<a href="#top">top</a><a name="top">t</a><a href="mailto:a@x.example">mail</a>'),
    'styles with functions, units, keywords and variables': page(
      '',
      '<div style="width:calc(100% - 2rem);margin:0 !important;color:var(--c, rgb(0 0 0 / 50%));background:linear-gradient(red, blue);height:10vh;display:inline-flex">x</div>',
    ),
    'elements outside the walk: a top-level style, comments, scripts, svg': page(
      '<!--[if mso]><table><tr><td style="display:flex"><![endif]--><script>var a = "<div style=\\"display:grid\\">"</script>',
      '<svg width="10" height="10"><circle cx="5" cy="5" r="4" style="fill:red"></circle></svg><picture><source srcset="x.webp"><img src="x.png" alt=""></picture>',
    ).replace('<!DOCTYPE html>', '<!DOCTYPE html><style>b{font-weight:800}</style>'),
    'html5 elements and forms': page(
      '',
      '<header><nav><ul><li>a</li></ul></nav></header><main><form><input type="checkbox" checked><button>Go</button></form></main><footer>f</footer>',
    ),
    'the preview block and unclosed elements': page(
      '',
      '<div style="display:none;opacity:0;max-height:0" data-skip-in-text="true">Preview<div> \u200c</div></div><p>Open <b>bold <i>italic</p><td style="border-radius:4px">',
    ),
  }
  for (const [name, html] of Object.entries(crafted)) {
    it(name, () => {
      const whole = compatIssuesWhole(html)
      expect(whole.length).toBeGreaterThan(0)
      expect(byParts(html)).toEqual(whole)
    })
  }

  it('checks a part once: the same markup in another language is the same answer, a new element one more call', () => {
    const a = byParts(page('', '<div style="display:flex">Hello</div>'))
    expect(byParts(page('', '<div style="display:flex">Bonjour</div>'))).toBe(a)
    const calls = caniemailCalls.parts
    const b = byParts(page('', '<div style="display:flex"><div style="display:grid">Hello</div></div>'))
    expect(caniemailCalls.parts).toBe(calls + 1)
    expect(b.map((i) => i.feature)).toContain('display:grid')
    expect(a.map((i) => i.feature)).not.toContain('display:grid')
  })

  it('the grid shows, in every cell, the unsupported features caniemail finds in the whole email', async () => {
    const grid = await studioGrid()
    expect(grid.length * LOCALES.length).toBe(TEMPLATE_IDS.length * 3)
    for (const row of grid) {
      for (const cell of row.cells) {
        const { html } = (await renderOne(row.template.id, row.sample, cell.locale))!
        const expected = compatIssuesWhole(html)
          .filter((issue) => issue.support === 'none')
          .map((issue) => ({ key: 'compatUnsupported', params: { feature: issue.feature, clients: issue.clients.join(', '), count: issue.clients.length }, status: 'warn' }))
        const shown = cell.checks.find((check) => check.id === 'compat')!
        expect(shown.findings, `${row.template.id} ${cell.locale}`).toEqual(expected)
        expect(shown.status).toBe(expected.length > 0 ? 'warn' : 'pass')
      }
    }
  })
})
