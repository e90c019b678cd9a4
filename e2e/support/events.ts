// What the app's outbox relayed to the (loopback) Inngest event API, as the specs wait for it.
import { expect } from '@playwright/test'
import { e2eEnv } from '../../playwright.config'
import type { InngestEvent } from '../../test/mocks/inngest-executor'

/** Every event the event API has received so far. */
export async function receivedEvents(): Promise<InngestEvent[]> {
  return (await (await fetch(`${e2eEnv.eventApiURL}/_received`)).json()) as InngestEvent[]
}

/** Waits for the user's first `name` event to reach the event API (events carry ids: found by user id). */
export async function userEvent(name: string, userId: string): Promise<InngestEvent> {
  let found: InngestEvent | undefined
  await expect
    .poll(async () => {
      found = (await receivedEvents()).find((e) => e.name === name && e.data.userId === userId)
      return found
    })
    .toBeTruthy()
  return found!
}
