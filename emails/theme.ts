/**
 * The look every Courrier email shares: colours, type, spacing. The layout, the shared parts and the
 * templates take their values from here, so a change of brand colour or rhythm is one edit.
 * Plain values only (no CSS variables, which Outlook and Gmail drop); the palette is Tailwind's zinc
 * and blue.
 */

export const colors = {
  /** Brand name, buttons and links (blue-700). */
  brand: '#1d4ed8',
  /** Text on a brand-coloured background. */
  onBrand: '#ffffff',
  /** Headings and emphasised values (zinc-900). */
  heading: '#18181b',
  /** Running text (zinc-800). */
  text: '#27272a',
  /** Secondary paragraphs: expiry, what to do next (zinc-600). */
  muted: '#52525b',
  /** Footer, labels and the spelled-out link under a button (zinc-500). */
  subtle: '#71717a',
  /** Rules and box borders (zinc-200). */
  border: '#e4e4e7',
  /** Behind the card (zinc-100). */
  canvas: '#f4f4f5',
  /** The card itself. */
  surface: '#ffffff',
  /** A highlighted box, e.g. tips (blue-50), and its title (blue-900). */
  highlight: '#eff6ff',
  highlightHeading: '#1e3a8a',
} as const

/** System fonts only: web fonts are dropped by most clients. */
export const fontFamily = "-apple-system, BlinkMacSystemFont, 'Segoe UI', Roboto, Helvetica, Arial, sans-serif"

export const fontWeight = { semibold: 600, bold: 700 } as const

/** Text styles by role: spread them into a style after its colour. */
export const text = {
  brand: { fontSize: '20px', fontWeight: fontWeight.bold, letterSpacing: '0.5px' },
  title: { fontSize: '24px', lineHeight: '32px', fontWeight: fontWeight.bold },
  /** The title of a box inside the content (a summary, a list of tips). */
  boxTitle: { fontSize: '16px', fontWeight: fontWeight.bold },
  body: { fontSize: '16px', lineHeight: '26px' },
  button: { fontSize: '16px', fontWeight: fontWeight.semibold },
  list: { fontSize: '15px', lineHeight: '24px' },
  table: { fontSize: '14px', lineHeight: '24px' },
  small: { fontSize: '13px', lineHeight: '20px' },
  footer: { fontSize: '12px', lineHeight: '18px' },
} as const

/** Spacing scale (Tailwind's: the key times 4 px), for margins and paddings. */
export const space = {
  1: '4px',
  2: '8px',
  2.5: '10px',
  3: '12px',
  4: '16px',
  5: '20px',
  6: '24px',
  8: '32px',
  10: '40px',
} as const

export const radius = { box: '6px', card: '8px' } as const

/** Width of the card: readable on a phone and inside a desktop client's reading pane. */
export const contentWidth = '560px'
