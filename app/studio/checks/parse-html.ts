import { Parser } from 'htmlparser2'

export type ParsedEmail = {
  images: Array<{ src: string; alt: string | null }>
  links: Array<{ href: string | null; text: string }>
  /** Visible text, one entry per block (paragraph, cell, heading, button…), whitespace collapsed. */
  segments: string[]
  /** All the text of <body>, hidden preview text included, whitespace collapsed. */
  bodyText: string
}

// Text on either side of these tags belongs to different segments.
const BLOCK = new Set([
  'p',
  'div',
  'td',
  'th',
  'tr',
  'table',
  'tbody',
  'thead',
  'li',
  'ul',
  'ol',
  'h1',
  'h2',
  'h3',
  'h4',
  'h5',
  'h6',
  'br',
  'hr',
  'section',
  'header',
  'footer',
  'blockquote',
  'pre',
  'body',
  'a',
  'button',
])
// Zero-width and other invisible characters React Email pads the preview text with.
const INVISIBLE = /(?:[\u00ad\u061c\u115f\u1160\u180e\u200b-\u200f\u202a-\u202e\u2060-\u206f\u3164\ufeff\uffa0]|\u034f|\u17b4|\u17b5)/g

export const collapse = (text: string) => text.replace(INVISIBLE, '').replace(/\s+/g, ' ').trim()

/** One pass over the rendered HTML, collecting what the checks look at. */
export function parseEmailHtml(html: string): ParsedEmail {
  const parsed: ParsedEmail = { images: [], links: [], segments: [], bodyText: '' }
  let current = ''
  let body = ''
  let inBody = false
  let skip = 0 // inside <style>, <script>, <head>, <title>
  const openLinks: Array<{ href: string | null; text: string }> = []
  const flush = () => {
    if (inBody) body += ' '
    const text = collapse(current)
    if (text) parsed.segments.push(text)
    current = ''
  }
  const parser = new Parser(
    {
      onopentag(name, attribs) {
        if (name === 'style' || name === 'script' || name === 'head' || name === 'title') skip++
        if (name === 'body') inBody = true
        if (BLOCK.has(name)) flush()
        if (name === 'img') parsed.images.push({ src: attribs.src ?? '', alt: 'alt' in attribs ? (attribs.alt ?? '') : null })
        if (name === 'a') openLinks.push({ href: 'href' in attribs ? (attribs.href ?? '') : null, text: '' })
      },
      ontext(text) {
        if (skip > 0) return
        current += text
        for (const link of openLinks) link.text += text
        if (inBody) body += text
      },
      onclosetag(name) {
        if (name === 'style' || name === 'script' || name === 'head' || name === 'title') skip = Math.max(0, skip - 1)
        if (BLOCK.has(name)) flush()
        if (name === 'a') {
          const link = openLinks.pop()
          if (link) parsed.links.push({ href: link.href, text: collapse(link.text) })
        }
        if (name === 'body') inBody = false
      },
    },
    { decodeEntities: true, lowerCaseTags: true, lowerCaseAttributeNames: true },
  )
  parser.write(html)
  parser.end()
  flush()
  parsed.bodyText = collapse(body)
  return parsed
}
