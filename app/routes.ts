import { type RouteConfig, index, route } from '@react-router/dev/routes'

export default [
  index('routes/home.tsx'),
  route('signup', 'routes/signup.tsx'),
  route('login', 'routes/login.tsx'),
  route('logout', 'routes/logout.ts'),
  route('language', 'routes/language.tsx'),
  route('dashboard', 'routes/dashboard.tsx'),
  route('api/inngest', 'routes/api.inngest.ts'),
  route('webhooks/stripe', 'routes/webhooks.stripe.ts'),
  route('*', 'routes/not-found.tsx'),
] satisfies RouteConfig
