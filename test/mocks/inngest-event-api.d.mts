export type ReceivedEvent = { id: string; name: string; data: Record<string, unknown>; ts?: number }
export type InngestEventApi = {
  url: string
  received: ReceivedEvent[]
  /** Function configurations from the app's last sync (`POST /fn/register`), `cancel` included. */
  registered: Array<{ id: string; cancel?: Array<{ event: string; if?: string; timeout?: string }> }>
  setMode: (mode: 'up' | 'down') => void
  /** Connections refused, as when nothing runs on the port, until listenAgain(). */
  stopListening: () => Promise<void>
  listenAgain: () => Promise<void>
  close: () => Promise<void>
}
export function startInngestEventApi(options?: { port?: number; host?: string }): Promise<InngestEventApi>
