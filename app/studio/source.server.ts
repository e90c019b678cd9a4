import hljs from 'highlight.js/lib/core'
import xml from 'highlight.js/lib/languages/xml'
import { pretty } from '@react-email/render'

hljs.registerLanguage('xml', xml)

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
  return hljs.highlight(formatted, { language: 'xml' }).value
}
