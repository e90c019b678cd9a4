// The framework floor's page: /signup's markup from static strings (no loader, no translation, no session).
import { Form, Link } from 'react-router'

export const meta = () => [{ title: 'Créer votre compte' }]

export default function Signup() {
  return (
    <section className="card guest-form">
      <h1>Créer votre compte</h1>
      <Form method="post" noValidate>
        <div className="hp" aria-hidden="true">
          <label htmlFor="website">Laissez ce champ vide</label>
          <input id="website" type="text" tabIndex={-1} autoComplete="off" name="website" defaultValue="" />
        </div>
        <div className="field">
          <label htmlFor="name">Nom</label>
          <input id="name" type="text" autoComplete="name" required name="name" />
        </div>
        <div className="field">
          <label htmlFor="email">Adresse e-mail</label>
          <input id="email" type="email" autoComplete="email" required name="email" />
        </div>
        <div className="field">
          <label htmlFor="password">Mot de passe</label>
          <input id="password" type="password" autoComplete="new-password" required aria-describedby="password-hint" name="password" />
          <p id="password-hint" className="hint">
            Au moins 10 caractères.
          </p>
        </div>
        <button type="submit">S&apos;inscrire</button>
      </Form>
      <p className="card-footer">
        Vous avez déjà un compte ? <Link to="/login">Connexion</Link>
      </p>
    </section>
  )
}
