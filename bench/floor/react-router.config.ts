// The framework floor's configuration: React Router's defaults plus the future flags Courrier's own
// react-router.config.ts turns on, so both run the same request pipeline (middleware included).
import type { Config } from '@react-router/dev/config'

export default {
  ssr: true,
  // An empty FLOOR_BUILD_DIR counts as unset: as the build directory it would be bench/floor itself, which Vite empties first.
  buildDirectory: process.env.FLOOR_BUILD_DIR || '../../.tmp/bench-floor-build',
  future: {
    v8_middleware: true,
    v8_splitRouteModules: true,
    v8_viteEnvironmentApi: true,
    v8_trailingSlashAwareDataRequests: true,
    v8_passThroughRequests: false,
  },
  allowedActionOrigins: ['**'],
} satisfies Config
