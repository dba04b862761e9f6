import { login } from '@crosswalk/dashboard/data-access';
import { type FormEvent, useId, useState } from 'react';
import { useLocation, useNavigate } from 'react-router';

import { isSignedOutError, nextPathAfterLogin } from './auth-redirect.util';

export function LoginPage() {
  const navigate = useNavigate();
  const location = useLocation();
  const [submitting, setSubmitting] = useState(false);
  const [failure, setFailure] = useState<string | null>(null);
  const errorId = useId();

  async function handleSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    setSubmitting(true);
    setFailure(null);
    try {
      await login(String(form.get('email')), String(form.get('password')));
      navigate(nextPathAfterLogin(location.search), { replace: true });
    } catch (error) {
      setFailure(
        isSignedOutError(error)
          ? 'Wrong email or password.'
          : 'Could not sign in right now. Please try again.',
      );
      setSubmitting(false);
    }
  }

  return (
    <main className="login-page">
      <title>Sign in · Crosswalk</title>
      <div className="login-card">
        <p className="brand brand--large">Crosswalk</p>
        <h1>Sign in</h1>
        <p className="muted">Crisis response program analytics.</p>
        <form
          className="login-form"
          onSubmit={handleSubmit}
          aria-describedby={failure ? errorId : undefined}
        >
          <label htmlFor="login-email">Email</label>
          <input
            id="login-email"
            name="email"
            type="email"
            autoComplete="username"
            required
            aria-invalid={failure ? true : undefined}
          />
          <label htmlFor="login-password">Password</label>
          <input
            id="login-password"
            name="password"
            type="password"
            autoComplete="current-password"
            required
            aria-invalid={failure ? true : undefined}
          />
          {failure && (
            <p id={errorId} className="form-error" role="alert">
              {failure}
            </p>
          )}
          <button
            type="submit"
            className="button button--primary"
            disabled={submitting}
          >
            {submitting ? 'Signing in…' : 'Sign in'}
          </button>
        </form>
      </div>
    </main>
  );
}
