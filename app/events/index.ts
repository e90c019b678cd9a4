import { userRegistered, userRegisteredSamples } from './user-registered'

export * from './user-registered'

/** Every event the app emits, with its schema and named samples: functions, routes, studio and tests use this. */
export const eventCatalogue = {
  'user/registered': { type: userRegistered, samples: userRegisteredSamples },
} as const

export type EventName = keyof typeof eventCatalogue
