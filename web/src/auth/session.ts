import { reactive } from 'vue';
import { config } from '../config';
import { readClaims, type Claims, type Role } from './claims';

const TOKEN_KEY = 'bj.console.token';

/** Who is signed in (null: nobody); reactive, so menus follow it. */
export const session = reactive<{ claims: Claims | null }>({ claims: null });

let token: string | null = null;

function adopt(next: string | null): void {
  const claims = next ? readClaims(next) : null;
  if (!next || !claims || claims.expiresAt <= Date.now()) {
    token = null;
    session.claims = null;
    sessionStorage.removeItem(TOKEN_KEY);
    return;
  }
  token = next;
  session.claims = claims;
  sessionStorage.setItem(TOKEN_KEY, next);
}

export function currentToken(): string | null {
  if (token && session.claims && session.claims.expiresAt <= Date.now()) adopt(null);
  return token;
}

export function hasRole(...roles: Role[]): boolean {
  return !!session.claims && roles.some((r) => session.claims!.roles.includes(r));
}

/** The OIDC client is loaded only when someone signs in: public pages never download it. */
async function userManager() {
  const auth = config().auth;
  if (auth.mode !== 'oidc') throw new Error('not an OIDC configuration');
  const { UserManager, WebStorageStateStore } = await import('oidc-client-ts');
  return new UserManager({
    authority: auth.issuer,
    client_id: auth.clientId,
    redirect_uri: `${location.origin}/callback`,
    post_logout_redirect_uri: `${location.origin}/`,
    response_type: 'code', // authorization code with PKCE (oidc-client-ts always sends a code challenge)
    scope: auth.scope ?? 'openid email profile',
    userStore: new WebStorageStateStore({ store: sessionStorage }),
    automaticSilentRenew: false, // silent renew frames the issuer, which the CSP (default-src 'self') forbids: sign in again
  });
}

/** At start: the token kept for this tab, if it is still valid. */
export function restoreSession(): void {
  adopt(sessionStorage.getItem(TOKEN_KEY));
}

/** Sign in, then come back to returnTo: the runner's "sign in as" page locally, the issuer's login page on AWS. */
export async function signIn(returnTo: string): Promise<void> {
  const auth = config().auth;
  if (auth.mode === 'local') {
    location.assign(`${auth.signInUrl}?return=${encodeURIComponent(returnTo)}`);
    return;
  }
  await (await userManager()).signinRedirect({ state: returnTo });
}

/** Locally: the token the runner's page put in the fragment of /signed-in. */
export function completeLocalSignIn(fragment: string): string {
  const params = new URLSearchParams(fragment.replace(/^#/, ''));
  adopt(params.get('token'));
  history.replaceState(null, '', location.pathname); // the token leaves the address bar at once
  const back = params.get('return') ?? '/';
  return back.startsWith('/') && !back.startsWith('//') ? back : '/';
}

/** On AWS: the authorization code at /callback exchanged (with the PKCE verifier) for the ID token the API accepts. */
export async function completeOidcSignIn(): Promise<string> {
  const user = await (await userManager()).signinRedirectCallback();
  adopt(user.id_token ?? null);
  const back = typeof user.state === 'string' ? user.state : '/';
  return back.startsWith('/') && !back.startsWith('//') ? back : '/';
}

export async function signOut(): Promise<void> {
  adopt(null);
  if (config().auth.mode === 'oidc') await (await userManager()).removeUser();
}
