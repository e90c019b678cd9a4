import { Button } from '@react-email/button'
import { Heading } from '@react-email/heading'
import { Link } from '@react-email/link'
import { Section } from '@react-email/section'
import { Text } from '@react-email/text'
import type { ReactNode } from 'react'
import { colors, radius, space, text } from '../theme'

/** Small building blocks shared by the templates, so every email looks and reads the same. */

export function Title({ children }: { children: ReactNode }) {
  return (
    <Heading as="h1" style={styles.title}>
      {children}
    </Heading>
  )
}

export function Paragraph({ children, muted = false }: { children: ReactNode; muted?: boolean }) {
  return <Text style={muted ? styles.mutedParagraph : styles.paragraph}>{children}</Text>
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
          {href}
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
  link: { color: colors.brand, wordBreak: 'break-all' },
  signature: { color: colors.text, ...text.body, margin: `${space[6]} 0 0` },
} as const
