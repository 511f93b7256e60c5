// The sign-in form.
import { html } from 'htm/preact';
import { useEffect, useRef, useState } from 'preact/hooks';
import { signInWith } from './session.js';
import { useStore } from './store.js';

export function Login() {
  const error = useStore((state) => state.loginError);
  const [busy, setBusy] = useState(false);
  const email = useRef<HTMLInputElement>(null);
  const password = useRef<HTMLInputElement>(null);
  useEffect(() => email.current?.focus(), []);
  const submit = async (event: Event) => {
    event.preventDefault();
    setBusy(true);
    await signInWith(email.current!.value, password.current!.value);
    setBusy(false);
  };
  return html`<form class="login" aria-label="Sign in" onSubmit=${submit}>
    <h1>Borderless console</h1>
    <input ref=${email} type="email" name="email" autocomplete="username" required aria-label="E-mail" placeholder="E-mail" />
    <input ref=${password} type="password" name="password" autocomplete="current-password" required aria-label="Password" placeholder="Password" />
    <button type="submit" class="primary" disabled=${busy}>Sign in</button>
    <div class="error" role="alert">${error ?? ''}</div>
  </form>`;
}
