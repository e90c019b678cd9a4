import { createContext as reactContext } from 'react'
import { createContext } from 'react-router'

/** This response's CSP nonce, set by the floor's server as Courrier's server.mjs sets its own. */
export const cspNonceContext = createContext<string>('')

/** The same nonce, handed to the document's inline scripts during the render. */
export const NonceContext = reactContext<string | undefined>(undefined)
