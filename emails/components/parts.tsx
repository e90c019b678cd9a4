import { Button } from '@react-email/button'
import { Heading } from '@react-email/heading'
import { Link } from '@react-email/link'
import { Section } from '@react-email/section'
import { Text } from '@react-email/text'
import type { ReactNode } from 'react'

/** Small building blocks shared by the templates, so every email looks and reads the same. */

export function Title({ children }: { children: ReactNode }) {
  return (
    <Heading as="h1" style={{ color: '#18181b', fontSize: '24px', lineHeight: '32px', fontWeight: 700, margin: '16px 0' }}>
      {children}
    </Heading>
  )
}

export function Paragraph({ children, muted = false }: { children: ReactNode; muted?: boolean }) {
  return (
    <Text style={{ color: muted ? '#52525b' : '#27272a', fontSize: '16px', lineHeight: '26px', margin: '0 0 16px' }}>{children}</Text>
  )
}

/** The call to action, followed by its address spelled out for clients that block buttons. */
export function CallToAction({ href, label, linkHelp }: { href: string; label: string; linkHelp: string }) {
  return (
    <Section style={{ margin: '24px 0' }}>
      <Button
        href={href}
        style={{
          backgroundColor: '#1d4ed8',
          borderRadius: '6px',
          color: '#ffffff',
          fontSize: '16px',
          fontWeight: 600,
          padding: '12px 24px',
          textDecoration: 'none',
        }}
      >
        {label}
      </Button>
      <Text style={{ color: '#71717a', fontSize: '13px', lineHeight: '20px', margin: '16px 0 0' }}>
        {linkHelp}{' '}
        <Link href={href} style={{ color: '#1d4ed8', wordBreak: 'break-all' }}>
          {href}
        </Link>
      </Text>
    </Section>
  )
}

export function Signature({ children }: { children: ReactNode }) {
  return <Text style={{ color: '#27272a', fontSize: '16px', lineHeight: '26px', margin: '24px 0 0' }}>{children}</Text>
}
