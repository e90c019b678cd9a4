// The framework floor's document: the same markup as Courrier's layout on /signup (header, language
// menu, footer, React Router's scripts with the response's CSP nonce), written as static French strings.
import { Form, Link, Links, Meta, NavLink, Outlet, Scripts, ScrollRestoration } from 'react-router'
import { useContext } from 'react'
import { NonceContext } from './context'
import './styles.css'

const favicon =
  "data:image/svg+xml,%3csvg%20xmlns='http://www.w3.org/2000/svg'%20viewBox='0%200%2032%2032'%3e%3crect%20width='32'%20height='32'%20rx='8'%20fill='%233646c4'/%3e%3c/svg%3e"

export const links = () => [{ rel: 'icon', type: 'image/svg+xml', href: favicon }]

export function Layout({ children }: { children: React.ReactNode }) {
  const nonce = useContext(NonceContext)
  return (
    <html lang="fr" dir="ltr">
      <head>
        <meta charSet="utf-8" />
        <meta name="viewport" content="width=device-width, initial-scale=1" />
        <Meta />
        <Links />
      </head>
      <body>
        <a href="#main" className="skip-link">
          Aller au contenu principal
        </a>
        <header className="site-header">
          <div className="site-header-inner">
            <Link to="/" className="brand">
              <svg viewBox="0 0 32 32" aria-hidden="true" focusable="false">
                <rect width="32" height="32" rx="8" fill="#3646c4"></rect>
                <path d="M7 11.5A1.5 1.5 0 0 1 8.5 10h15a1.5 1.5 0 0 1 1.5 1.5v9a1.5 1.5 0 0 1-1.5 1.5h-15A1.5 1.5 0 0 1 7 20.5z" fill="#fff"></path>
                <path d="m8 11 8 6.2 8-6.2" fill="none" stroke="#3646c4" strokeWidth="1.8" strokeLinecap="round" strokeLinejoin="round"></path>
              </svg>
              Courrier
            </Link>
            <nav aria-label="Navigation principale" className="site-nav">
              <NavLink to="/pricing">Tarifs</NavLink>
              <NavLink to="/login">Connexion</NavLink>
              <NavLink to="/signup" className="nav-cta">
                Inscription
              </NavLink>
            </nav>
            <details className="language-menu" data-testid="language-menu">
              <summary aria-label="Langue: Français">
                <svg viewBox="0 0 24 24" fill="none" stroke="currentColor" strokeWidth="1.8" aria-hidden="true" focusable="false">
                  <circle cx="12" cy="12" r="9"></circle>
                  <path d="M3 12h18M12 3c2.5 2.6 3.8 5.6 3.8 9s-1.3 6.4-3.8 9c-2.5-2.6-3.8-5.6-3.8-9S9.5 5.6 12 3z"></path>
                </svg>
                <span lang="fr">Français</span>
                <svg className="chevron" viewBox="0 0 24 24" fill="none" stroke="currentColor" strokeWidth="2" aria-hidden="true" focusable="false">
                  <path d="m6 9 6 6 6-6" strokeLinecap="round" strokeLinejoin="round"></path>
                </svg>
              </summary>
              <Form action="/language" method="post">
                <input type="hidden" name="redirectTo" value="/signup" />
                <ul aria-label="Langue">
                  <li>
                    <button type="submit" value="fr" lang="fr" aria-current="true" name="lng">
                      Français
                    </button>
                  </li>
                  <li>
                    <button type="submit" value="en" lang="en" name="lng">
                      English
                    </button>
                  </li>
                  <li>
                    <button type="submit" value="es" lang="es" name="lng">
                      Español
                    </button>
                  </li>
                </ul>
              </Form>
            </details>
          </div>
        </header>
        <main id="main" tabIndex={-1}>
          {children}
        </main>
        <footer className="site-footer">
          <div className="site-footer-inner">
            <p>
              <strong>Courrier</strong> · {'Des e-mails transactionnels fiables, traduits et faciles à relire.'}
            </p>
            <p>En Français, English et Español.</p>
          </div>
        </footer>
        <ScrollRestoration nonce={nonce} />
        <Scripts nonce={nonce} />
      </body>
    </html>
  )
}

export default function App() {
  return <Outlet />
}
