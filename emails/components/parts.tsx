import { Button } from '@react-email/button'
import { Heading } from '@react-email/heading'
import { Link } from '@react-email/link'
import { Section } from '@react-email/section'
import { Text } from '@react-email/text'
import { Fragment, type ReactNode } from 'react'
import { colors, radius, space, text } from '../theme'

/** Small building blocks shared by the templates, so every email looks and reads the same. */

// Words a line must not break inside: at 375 px "e-mails" split at its hyphen reads as two words.
const UNBREAKABLE = /(\b[Ee]-mails?\b)/

/**
 * A string with its hyphenated words kept on one line (`white-space: nowrap` around them: the hyphen
 * stays a real hyphen, so copying and searching still find "e-mail"). Anything else is returned as is.
 */
export function keepWords(children: ReactNode): ReactNode {
  if (typeof children !== 'string' || !UNBREAKABLE.test(children)) return children
  return children.split(UNBREAKABLE).map((part, index) =>
    index % 2 === 1 ? (
      <span key={index} style={styles.nowrap}>
        {part}
      </span>
    ) : (
      <Fragment key={index}>{part}</Fragment>
    ),
  )
}

export function Title({ children }: { children: ReactNode }) {
  return (
    <Heading as="h1" style={styles.title}>
      {keepWords(children)}
    </Heading>
  )
}

/** The title of a part of the content (a summary, a list of tips): a real heading, under the email's h1. */
export function SectionTitle({ children, color = colors.heading }: { children: ReactNode; color?: string }) {
  return (
    <Heading as="h2" style={{ ...styles.sectionTitle, color }}>
      {keepWords(children)}
    </Heading>
  )
}

/**
 * A real list (`<ol>` numbered, `<ul>` marked with a check), so screen readers announce "list, 3 items"
 * and clients that drop styles still show numbers or bullets.
 */
export function List({ items, ordered = false }: { items: readonly string[]; ordered?: boolean }) {
  const Tag = ordered ? 'ol' : 'ul'
  return (
    <Tag style={styles.list}>
      {items.map((item) => (
        <li key={item} style={styles.listItem}>
          {keepWords(item)}
        </li>
      ))}
    </Tag>
  )
}

export function Paragraph({ children, muted = false }: { children: ReactNode; muted?: boolean }) {
  return <Text style={muted ? styles.mutedParagraph : styles.paragraph}>{keepWords(children)}</Text>
}

/** A URL with a break opportunity after each slash and before each ?, & and = (and nowhere else), for narrow screens. */
function breakableUrl(href: string): ReactNode {
  return href.split(/(?<=\/)(?!\/)|(?=[?&=])/).map((part, index) => (
    <Fragment key={index}>
      {index > 0 ? <wbr /> : null}
      {part}
    </Fragment>
  ))
}

/** The call to action, followed by its address spelled out for clients that block buttons. */
export function CallToAction({ href, label, linkHelp }: { href: string; label: string; linkHelp: string }) {
  return (
    <Section style={styles.action}>
      <Button href={href} style={styles.button}>
        {label}
      </Button>
      <Text style={styles.linkHelp}>
        {linkHelp}{' '}
        <Link href={href} style={styles.link}>
          {breakableUrl(href)}
        </Link>
      </Text>
    </Section>
  )
}

export function Signature({ children }: { children: ReactNode }) {
  return <Text style={styles.signature}>{children}</Text>
}

const styles = {
  title: { color: colors.heading, ...text.title, margin: `${space[4]} 0` },
  paragraph: { color: colors.text, ...text.body, margin: `0 0 ${space[4]}` },
  mutedParagraph: { color: colors.muted, ...text.body, margin: `0 0 ${space[4]}` },
  action: { margin: `${space[6]} 0` },
  button: {
    backgroundColor: colors.brand,
    borderRadius: radius.box,
    color: colors.onBrand,
    ...text.button,
    padding: `${space[3]} ${space[6]}`,
    textDecoration: 'none',
  },
  linkHelp: { color: colors.subtle, ...text.small, margin: `${space[4]} 0 0` },
  // Underlined: told apart from the text around it without relying on colour (WCAG 1.4.1). It breaks at
  // its slashes (breakableUrl) and, only when one part is wider than the line, inside it.
  link: { color: colors.brand, textDecoration: 'underline', overflowWrap: 'anywhere', wordBreak: 'normal' },
  nowrap: { whiteSpace: 'nowrap' },
  sectionTitle: { ...text.boxTitle, margin: `${space[3]} 0 ${space[2]}` },
  list: { ...text.list, color: colors.text, margin: `0 0 ${space[2]}`, paddingLeft: space[6] },
  listItem: { margin: `0 0 ${space[2.5]}` },
  signature: { color: colors.text, ...text.body, margin: `${space[6]} 0 0` },
} as const
