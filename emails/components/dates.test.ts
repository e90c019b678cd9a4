import { describe, expect, it } from 'vitest'
import { formatEmailDate } from './dates'

describe('formatEmailDate', () => {
  it('writes the first of the month as "1er" in French, and only the first', () => {
    expect(formatEmailDate('2026-12-01T09:00:00Z', 'fr')).toBe('1er décembre 2026')
    expect(formatEmailDate('2026-12-11T09:00:00Z', 'fr')).toBe('11 décembre 2026')
    expect(formatEmailDate('2026-12-21T09:00:00Z', 'fr')).toBe('21 décembre 2026')
  })
  it('leaves English and Spanish as Intl writes them', () => {
    expect(formatEmailDate('2026-12-01T09:00:00Z', 'en')).toBe('December 1, 2026')
    expect(formatEmailDate('2026-12-01T09:00:00Z', 'es')).toBe('1 de diciembre de 2026')
  })
})
