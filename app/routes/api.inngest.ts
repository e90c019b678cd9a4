import type { Route } from './+types/api.inngest'
import { handleInngestRequest } from '~/inngest/serve.server'

// Inngest calls this from its servers (or the dev server): authenticated by its signature, not by origin.
export function loader(args: Route.LoaderArgs) {
  return handleInngestRequest(args)
}

export function action(args: Route.ActionArgs) {
  return handleInngestRequest(args)
}
