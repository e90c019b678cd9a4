import { Inngest } from 'inngest'
import { openDatabase } from '../app/db/client.server'
import { userRegistered } from '../app/events'
import { enqueueEvent } from '../app/outbox/outbox.server'
import { OutboxRelay } from '../app/outbox/relay.server'

/** Events delivered per second by the outbox relay, with the real Inngest client, to a loopback event API. */
export async function relayThroughput(eventApiUrl: string, events = 20_000) {
  const db = openDatabase(`.tmp/bench/relay-${Date.now()}.db`)
  db.transaction((tx) => {
    for (let i = 0; i < events; i++) {
      enqueueEvent(tx, userRegistered.create({ userId: `u${i}` }))
    }
  })
  const client = new Inngest({ id: 'courrier-bench', isDev: true, baseUrl: eventApiUrl })
  const relay = new OutboxRelay({ sqlite: db.$client, send: (batch) => client.send(batch) })
  const started = performance.now()
  const cpu = process.cpuUsage()
  const sent = await relay.drain()
  const ms = Math.round(performance.now() - started)
  const { user, system } = process.cpuUsage(cpu)
  if (sent !== events) throw new Error(`relay sent ${sent} of ${events}`)
  db.$client.close()
  // CPU of this process while draining (the relay and the event API double, which shares it): robust to load.
  return { events, ms, perSecond: Math.round((events / ms) * 1000), cpuMs: Math.round((user + system) / 1000) }
}
