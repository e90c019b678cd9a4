import type { Config } from '@react-router/dev/config'

export default {
  ssr: true,
  // Parallel test runs on one checkout can build side by side (server.mjs reads the same variable).
  buildDirectory: process.env.BUILD_DIR ?? 'build',
  // remix-i18next 7.5 runs as route middleware, which React Router 7 ships behind this flag.
  future: { v8_middleware: true },
  // React Router's own origin check answers a cross-site form post with a bare "Bad Request".
  // Every form action here goes through `formAction`, which checks the origin itself and answers
  // 403 with a message in the page's language (docs/decisions/0002-origin-check.md).
  allowedActionOrigins: ['**'],
} satisfies Config
