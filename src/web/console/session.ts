// Signing in: the token from the sign-in (or the one this tab kept), then the socket, the alerts and translations
// of new shopper messages.
import { translate } from './actions.js';
import { createAlerts } from './alerts.js';
import { savedToken, signIn, start } from './api.js';
import { dispatch } from './store.js';

const alerts = createAlerts();

export async function begin(token: string): Promise<void> {
  await start(token, {
    onQueue: alerts.onQueue,
    onMessage(message) {
      alerts.onMessage(message);
      void translate([message]);
    },
  });
}

export async function signInWith(email: string, password: string): Promise<void> {
  try {
    await begin(await signIn(email, password));
  } catch (failure) {
    dispatch({ type: 'signedOut', message: (failure as Error).message });
  }
}

/** A tab reloaded while signed in goes straight back to the console. */
export function resume(): void {
  const token = savedToken();
  if (token) void begin(token).catch(() => dispatch({ type: 'signedOut' }));
  else dispatch({ type: 'signedOut' });
}
