/**
 * Where to sign in, read at start from /config.json, so one build serves every stage: locally the runner answers
 * {"auth":{"mode":"local","signInUrl":"/local/sign-in"}}; on AWS the deployed file names the OIDC issuer (the stack's
 * ConsoleConfig output): {"auth":{"mode":"oidc","issuer":"…","clientId":"…","scope":"openid email profile"}}.
 */
export type AuthConfig =
  | { mode: 'local'; signInUrl: string }
  | { mode: 'oidc'; issuer: string; clientId: string; scope?: string };

export interface ConsoleConfig {
  auth: AuthConfig;
}

let loaded: ConsoleConfig = { auth: { mode: 'local', signInUrl: '/local/sign-in' } };

export async function loadConfig(): Promise<void> {
  try {
    const response = await fetch('/config.json', { cache: 'no-cache' });
    if (response.ok) loaded = (await response.json()) as ConsoleConfig;
  } catch {
    // offline: public pages still render; signing in says the service is unavailable
  }
}

export function config(): ConsoleConfig {
  return loaded;
}
