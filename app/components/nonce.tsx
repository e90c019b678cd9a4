import { createContext, useContext } from 'react'

// The server renders every inline script with this response's CSP nonce; the browser never needs it.
const NonceContext = createContext<string>('')
export const NonceProvider = NonceContext.Provider
export const useNonce = () => useContext(NonceContext) || undefined
