export type EmlMessage = {
  from: string
  to: string
  subject: string
  html: string
  text: string
  /** Extra headers as sent (List-Unsubscribe, X-Entity-Ref-ID…). */
  headers?: Record<string, string>
  date?: Date
  /** Without the angle brackets. */
  messageId?: string
}

/**
 * A message as an RFC 5322 `.eml` file: the headers, then a multipart/alternative body with the plain
 * text first and the HTML last (the part a client prefers), each quoted-printable in UTF-8. Built by
 * Nodemailer's MailComposer, the MIME builder behind the most used Node mailer (no transport involved):
 * encoded words for non-ASCII subjects and names, line folding and boundaries are its job, not ours.
 * Nodemailer is loaded with the first download, not at every start of the server (its own chunk in the
 * server build; docs/decisions/0008-performance.md, fourth round).
 */
export async function buildEml(message: EmlMessage): Promise<Buffer> {
  const { default: MailComposer } = await import('nodemailer/lib/mail-composer')
  const composer = new MailComposer({
    from: message.from,
    to: message.to,
    subject: message.subject,
    text: message.text,
    html: message.html,
    headers: message.headers,
    date: message.date ?? new Date(),
    messageId: message.messageId ? `<${message.messageId}>` : undefined,
    textEncoding: 'quoted-printable',
  })
  return composer.compile().build()
}

/** A file name that is safe in a Content-Disposition header and on every file system: [a-z0-9-.] only. */
export function safeFilename(base: string, extension: 'html' | 'eml'): string {
  const clean = base
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9.-]+/g, '-')
    .replace(/^[-.]+|[-.]+$/g, '')
    .slice(0, 80)
  return `${clean || 'email'}.${extension}`
}

/** A download: the body with its type, as an attachment named `filename` (already safe). */
export function downloadResponse(body: string | Buffer, contentType: string, filename: string): Response {
  return new Response(typeof body === 'string' ? body : new Uint8Array(body), {
    headers: {
      'Content-Type': contentType,
      'Content-Disposition': `attachment; filename="${filename}"`,
      'X-Content-Type-Options': 'nosniff',
      // The .html must never run as a page of this site if someone opens its URL.
      'Content-Security-Policy': "default-src 'none'; sandbox",
      'Cache-Control': 'private, no-store',
    },
  })
}
