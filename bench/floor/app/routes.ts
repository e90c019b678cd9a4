import { type RouteConfig, route } from '@react-router/dev/routes'

export default [route('signup', 'routes/signup.tsx'), route('webhooks/stripe', 'routes/webhook.ts'), route('api/inngest', 'routes/inngest.ts')] satisfies RouteConfig
