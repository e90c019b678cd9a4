// The bare baseline: node:http answering a static page (GET) and a POST the way a do-nothing handler
// would (read the body, answer JSON). Courrier's figures are ratios against this, measured in the same run.
import { createServer } from 'node:http'
import { readFileSync } from 'node:fs'

const page = readFileSync(process.env.BASELINE_PAGE ?? 'bench/results/signup-page.html')
const server = createServer((req, res) => {
  if (req.method === 'POST') {
    const chunks = []
    req.on('data', (c) => chunks.push(c))
    req.on('end', () => {
      const body = Buffer.concat(chunks)
      res.writeHead(200, { 'Content-Type': 'application/json' })
      res.end(JSON.stringify({ received: true, bytes: body.length }))
    })
    return
  }
  res.writeHead(200, { 'Content-Type': 'text/html; charset=utf-8', 'Content-Length': page.length })
  res.end(page)
})
server.listen(Number(process.env.PORT), '127.0.0.1', () => console.log('baseline ready'))
