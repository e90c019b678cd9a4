import type { ReactElement } from 'react'
import { renderToString } from 'react-dom/server'

// React Email's render() puts this doctype first (and drops one a template would print).
const DOCTYPE = '<!DOCTYPE html PUBLIC "-//W3C//DTD XHTML 1.0 Transitional//EN" "http://www.w3.org/TR/xhtml1/DTD/xhtml1-transitional.dtd">'

/**
 * An email's HTML, rendered by React in one synchronous pass. React Email's `render()` streams the same
 * tree through `renderToReadableStream` (web streams, a Suspense boundary and an error boundary around
 * it), which cost about as much as the render itself on every email sent. The markup is React Email's
 * but for the comments React's streaming renderer adds for hydration (`<!--$-->`, `<!--/$-->`,
 * `<!--html-->`, `<!--head-->`, `<!--body-->`), which no email client reads: render-html.server.test.ts
 * compares the two for every template, sample and language. A template that suspends throws here
 * instead of being sent half-rendered (templates are synchronous: their data is read before the render).
 */
export function renderHtml(element: ReactElement): string {
  return DOCTYPE + renderToString(element).replace(/<!DOCTYPE.*?>/, '')
}
