import type { Config } from '@react-router/dev/config'

export default {
  ssr: true,
  // Parallel test runs on one checkout can build side by side (server.mjs reads the same variable).
  buildDirectory: process.env.BUILD_DIR ?? 'build',
  // React Router v8's behaviours, opted into now (their start-up warnings buried `npm run dev`'s own lines).
  future: {
    // remix-i18next 7.5 runs as route middleware, which React Router 7 ships behind this flag.
    v8_middleware: true,
    // Route modules split into chunks where possible (no route has a clientLoader/clientAction today).
    v8_splitRouteModules: true,
    // Vite's Environment API for the client and server builds (same build/ layout, served by server.mjs).
    v8_viteEnvironmentApi: true,
    // `/path/.data` rather than `/path.data` for trailing-slash URLs (none of our links end in a slash).
    v8_trailingSlashAwareDataRequests: true,
    // Kept off, on purpose: it hands loaders the raw `/page.data?_routes=…` request, and requireUser,
    // the studio's guard and the language detector build redirectTo and decisions from request.url.
    // Turning it on means normalizing those URLs first (docs/decisions/0061-first-ten-minutes.md).
    v8_passThroughRequests: false,
  },
  // Every route's manifest entry goes to the browser with the first page (about 40 routes), rather than
  // being asked for route by route at /__manifest as links appear and are clicked. React Router 7.18.4's
  // lazy discovery has a race (remix-run/react-router#15327, fixed upstream in #15399, after this pinned
  // version): a click whose discovery request is aborted left the URL changed and the page unrendered
  // (the studio's "Send this event" link, 4 of 8 times under load). docs/decisions/0050-ci-time.md.
  routeDiscovery: { mode: 'initial' },
  // React Router's own origin check answers a cross-site form post with a bare "Bad Request".
  // Every form action here goes through `formAction`, which checks the origin itself and answers
  // 403 with a message in the page's language (docs/decisions/0002-origin-check.md).
  allowedActionOrigins: ['**'],
} satisfies Config
