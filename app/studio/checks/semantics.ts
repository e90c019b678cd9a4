import { Parser } from 'htmlparser2'
import { collapse } from './parse-html'
import { result, type CheckResult, type Finding } from './types'

// What a screen reader and a reader without colour need from an email's HTML: a <title> that is the
// subject, one h1 and headings that do not skip a level, lists marked up as lists, and links inside
// text that are told apart from it by more than colour (WCAG 1.3.1, 1.4.1, 2.4.2).

type Block = { text: string; links: Array<{ text: string; underlined: boolean; button: boolean }> }

// Where one run of text ends and the next begins (a link is inline here: it belongs to its paragraph).
const BLOCK = new Set(['p', 'div', 'td', 'th', 'li', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'body', 'table', 'tr'])
// A paragraph that starts like a list item: "1.", "2)", "•", "–", "-", "*", "✓".
const LIST_MARKER = /^(?:\d{1,2}[.)]|[•●◦▪–—*✓✔-])\s/

/** The last text-decoration(-line) in an inline style decides; none given means the browser's underline. */
function isUnderlined(style: string): boolean {
  let underlined = true
  for (const declaration of style.split(';')) {
    const [property, value] = declaration.split(':').map((part) => part?.trim().toLowerCase() ?? '')
    if (property === 'text-decoration' || property === 'text-decoration-line') underlined = /underline/.test(value ?? '')
    if (property === 'border-bottom' && value && !/none|0px|^0/.test(value)) underlined = true
  }
  return underlined
}

/** React Email's <Button> and other call-to-action links: a box, not a word in a sentence. */
const isButton = (style: string) => /display:\s*inline-block/i.test(style) && /background(-color)?:/i.test(style)

export function checkSemantics(html: string, subject: string): CheckResult {
  const findings: Finding[] = []
  let title: string | null = null
  let inTitle = false
  let inBody = false
  let listDepth = 0
  const headings: number[] = []
  const blocks: Block[] = []
  const fakeListItems: string[] = []
  let current: Block = { text: '', links: [] }
  const open: Array<{ text: string; underlined: boolean; button: boolean }> = []
  const flush = () => {
    const text = collapse(current.text)
    if (text) {
      blocks.push({ ...current, text })
      if (listDepth === 0 && LIST_MARKER.test(text)) fakeListItems.push(text)
    }
    current = { text: '', links: [] }
  }
  const parser = new Parser(
    {
      onopentag(name, attribs) {
        if (name === 'title') inTitle = true
        if (name === 'body') inBody = true
        if (!inBody) return
        if (BLOCK.has(name)) flush()
        if (name === 'ul' || name === 'ol') listDepth++
        if (/^h[1-6]$/.test(name)) headings.push(Number(name[1]))
        if (name === 'a') {
          const style = attribs.style ?? ''
          open.push({ text: '', underlined: isUnderlined(style), button: isButton(style) })
        }
      },
      ontext(text) {
        if (inTitle) title = (title ?? '') + text
        if (!inBody) return
        current.text += text
        for (const link of open) link.text += text
      },
      onclosetag(name) {
        if (name === 'title') inTitle = false
        if (!inBody) return
        if (name === 'a') {
          const link = open.pop()
          if (link) current.links.push({ ...link, text: collapse(link.text) })
        }
        if (name === 'ul' || name === 'ol') listDepth = Math.max(0, listDepth - 1)
        if (BLOCK.has(name)) flush()
        if (name === 'body') inBody = false
      },
    },
    { decodeEntities: true, lowerCaseTags: true, lowerCaseAttributeNames: true },
  )
  parser.write(html)
  parser.end()
  flush()

  const titleText = collapse(title ?? '')
  if (!titleText) findings.push({ key: 'titleMissing', status: 'fail' })
  else if (titleText !== collapse(subject)) findings.push({ key: 'titleNotSubject', params: { title: titleText.slice(0, 80) }, status: 'fail' })

  const h1s = headings.filter((level) => level === 1).length
  if (h1s !== 1) findings.push({ key: 'headingH1', params: { count: h1s }, status: 'fail' })
  for (let i = 1; i < headings.length; i++) {
    if (headings[i]! > headings[i - 1]! + 1) {
      findings.push({ key: 'headingSkipped', params: { from: `h${headings[i - 1]}`, to: `h${headings[i]}` }, status: 'fail' })
      break
    }
  }

  // Two or more paragraphs in a row that number or bullet themselves: a list written as text.
  if (fakeListItems.length >= 2) findings.push({ key: 'listNotMarkedUp', params: { text: fakeListItems[0]!.slice(0, 60) }, status: 'fail' })

  for (const block of blocks) {
    for (const link of block.links) {
      // A link alone in its block (a footer line, a standalone URL) is not lost in text; one inside a sentence needs an underline.
      const inText = collapse(block.text) !== link.text
      if (inText && !link.underlined && !link.button) findings.push({ key: 'linkNotDistinguishable', params: { text: link.text.slice(0, 60) }, status: 'fail' })
    }
  }
  return result('semantics', findings)
}
