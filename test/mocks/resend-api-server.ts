// The Resend double (./resend-api.ts) as a process of its own, for the end-to-end suite: PORT to listen on.
import { startResendDouble } from './resend-api'

const double = await startResendDouble({ port: Number(process.env.PORT ?? 4320) })
console.log(`Resend double on ${double.url}`)
