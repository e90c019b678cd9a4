export * from '../../test/mocks/inngest-event-api.mjs'
