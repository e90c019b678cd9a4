import type { InngestFunction } from 'inngest'

/** Every function served at /api/inngest. */
export const functions: InngestFunction.Any[] = []
