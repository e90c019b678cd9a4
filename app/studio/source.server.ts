import { pretty } from '@react-email/render'
import type Hljs from 'highlight.js/lib/core'

// highlight.js is loaded with the first source view, not at every start of the server: only the studio's
// source tab uses it (its own chunk in the server build; docs/decisions/0008-performance.md, fourth round).
let highlighter: Promise<typeof Hljs> | undefined
function loadHighlighter() {
  return (highlighter ??= Promise.all([import('highlight.js/lib/core'), import('highlight.js/lib/languages/xml')]).then(([{ default: hljs }, { default: xml }]) => {
    hljs.registerLanguage('xml', xml)
    return hljs
  }))
}

/**
 * An email's HTML for reading: indented by React Email's own `pretty` (Prettier, which @react-email/render
 * already depends on), then highlighted by highlight.js as markup. Both run here, on the server: the page
 * receives spans with classes, and neither library reaches the browser's bundle. highlight.js escapes the
 * text it wraps, so the result is safe to insert as HTML.
 */
export async function highlightedSource(html: string): Promise<string> {
  let formatted: string
  try {
    formatted = await pretty(html)
  } catch {
    // Markup Prettier cannot parse is still worth showing, highlighted as it is.
    formatted = html
  }
  return (await loadHighlighter()).highlight(formatted, { language: 'xml' }).value
}
