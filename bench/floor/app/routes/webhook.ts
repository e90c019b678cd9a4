// The floor's resource-route action: reads the body and answers JSON, nothing else (the bare baseline's
// POST handler, inside React Router).
export async function action({ request }: { request: Request }) {
  const body = await request.text()
  return Response.json({ received: true, bytes: body.length })
}
