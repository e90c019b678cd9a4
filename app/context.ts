import { createContext } from 'react-router'

/** The client's address, set by the production server (`server.mjs`); the dev server leaves the default. */
export const clientAddressContext = createContext<string>('local')

/** This response's Content-Security-Policy nonce, set by the production server; empty in development. */
export const cspNonceContext = createContext<string>('')
