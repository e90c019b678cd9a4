import { matchRoutes, type RouteObject } from 'react-router'

/** The parts of a built route (`build.routes` in the server build) that say which methods it serves. */
export type BuiltRoute = { id: string; parentId?: string; path?: string; index?: boolean; caseSensitive?: boolean; module: { action?: unknown } }

// Routes whose methods are not GET and HEAD plus POST when they have an action.
const METHODS_OF: Record<string, string[]> = {
  // PUT is how Inngest (or an operator) syncs the app's functions.
  'routes/api.inngest': ['GET', 'HEAD', 'POST', 'PUT'],
  // Stripe only POSTs.
  'routes/webhooks.stripe': ['POST'],
}

/**
 * For the production server: the methods the route answering a path serves. GET and HEAD (every route
 * has a page or a loader), POST when the route that would take it has an action; anything else would
 * otherwise reach React Router, which runs a route's action for PUT, PATCH and DELETE as for POST, and
 * fails on TRACE. Data requests (`/x.data`, `/_.data`) and `?index` are resolved as React Router does.
 */
export function methodsFor(routes: Record<string, BuiltRoute | undefined>) {
  const byParent = new Map<string | undefined, BuiltRoute[]>()
  for (const route of Object.values(routes)) {
    if (!route) continue
    byParent.set(route.parentId, [...(byParent.get(route.parentId) ?? []), route])
  }
  const tree = (parentId: string | undefined): RouteObject[] =>
    (byParent.get(parentId) ?? []).map((route) =>
      route.index
        ? { id: route.id, index: true, path: route.path, caseSensitive: route.caseSensitive }
        : { id: route.id, path: route.path, caseSensitive: route.caseSensitive, children: tree(route.id) },
    )
  const routeTree = tree(undefined)

  const resolve = (path: string, index: boolean): string[] => {
    const matches = matchRoutes(routeTree, path) ?? []
    let target = matches.at(-1)
    // A form posted to an index route's path goes to its parent unless it says `?index`.
    if (target?.route.index && !index) target = matches.at(-2)
    if (!target?.route.id) return ['GET', 'HEAD']
    const fixed = METHODS_OF[target.route.id]
    if (fixed) return fixed
    return typeof routes[target.route.id]?.module.action === 'function' ? ['GET', 'HEAD', 'POST'] : ['GET', 'HEAD']
  }

  // matchRoutes flattens and ranks the whole route tree on every call (about a tenth of a page's server
  // time in a profile of /signup under load), so answers are kept per path. Paths carrying tokens are
  // unbounded, so the memo is: emptied when it is full.
  const memo = new Map<string, string[]>()
  return (pathname: string, search: string): string[] => {
    // As React Router resolves them with v8_trailingSlashAwareDataRequests: `/_.data` is `/`, `/x/_.data` is `/x/`.
    const path = pathname.endsWith('/_.data') ? pathname.slice(0, -'_.data'.length) : pathname.replace(/\.data$/, '')
    const index = search !== '' && new URLSearchParams(search).has('index')
    const key = index ? `${path}?index` : path
    let methods = memo.get(key)
    if (!methods) {
      methods = resolve(path, index)
      if (memo.size >= MEMO_SIZE) memo.clear()
      memo.set(key, methods)
    }
    return methods
  }
}

const MEMO_SIZE = 2_000
