// Forwards to the double's home, test/mocks/, only for test/resilience/bad-inputs.test.ts, which is
// being rewritten elsewhere: delete this file once that test imports '../mocks/inngest-event-api.mjs'.
export * from '../../test/mocks/inngest-event-api.mjs'
