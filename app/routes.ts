import { type RouteConfig, index, route } from '@react-router/dev/routes'

export default [
  index('routes/home.tsx'),
  route('signup', 'routes/signup.tsx'),
  route('login', 'routes/login.tsx'),
  route('forgot-password', 'routes/forgot-password.tsx'),
  route('reset-password/:token', 'routes/reset-password.$token.tsx'),
  route('verify-email/:token', 'routes/verify-email.$token.tsx'),
  route('logout', 'routes/logout.ts'),
  route('language', 'routes/language.tsx'),
  route('dashboard', 'routes/dashboard.tsx'),
  route('pricing', 'routes/pricing.tsx'),
  route('billing/portal', 'routes/billing.portal.ts'),
  route('billing/unavailable', 'routes/billing.unavailable.tsx'),
  route('billing/success', 'routes/billing.success.tsx'),
  route('api/inngest', 'routes/api.inngest.ts'),
  route('webhooks/stripe', 'routes/webhooks.stripe.ts'),
  route('invitations/:id/:token', 'routes/invitations.$id.$token.tsx'),
  route('admin', 'routes/admin.tsx', [
    index('routes/admin._index.tsx'),
    route('emails', 'routes/admin.emails._index.tsx'),
    route('emails/:template', 'routes/admin.emails.$template.tsx'),
    route('mailbox', 'routes/admin.mailbox._index.tsx'),
    route('mailbox/:id', 'routes/admin.mailbox.$id.tsx'),
    route('events/:id', 'routes/admin.events.$id.tsx'),
    route('team', 'routes/admin.team.tsx'),
  ]),
  // Resource routes of the studio (HTML for sandboxed frames, JSON for tests): outside the layout.
  route('admin/emails/:template/preview', 'routes/admin.emails.$template.preview.ts'),
  route('admin/mailbox/:id/html', 'routes/admin.mailbox.$id.html.ts'),
  route('admin/mailbox.json', 'routes/admin.mailbox.json.ts'),
  route('*', 'routes/not-found.tsx'),
] satisfies RouteConfig
