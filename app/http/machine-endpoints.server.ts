/**
 * The endpoints machines call (Stripe's and Resend's webhooks, Inngest's calls): they show no page, need no
 * language and depend on no cookie. server.mjs keeps its own list of their exact paths for its headers.
 */
const MACHINE_ENDPOINT_PREFIXES = ['/webhooks/', '/api/inngest']

export const isMachineEndpoint = (pathname: string) => MACHINE_ENDPOINT_PREFIXES.some((prefix) => pathname.startsWith(prefix))
