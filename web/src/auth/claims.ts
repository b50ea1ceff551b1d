/** The roles the API knows (cognito:groups); the console only hides what a role may not use, the API refuses it. */
export type Role = 'applicant' | 'staff' | 'finance' | 'supervisor';

export interface Claims {
  sub: string;
  roles: Role[];
  uscc: string | null;
  email: string | null;
  expiresAt: number;
}

const ROLES: Role[] = ['applicant', 'staff', 'finance', 'supervisor'];

/** The claims of a Cognito-shaped ID token (the signature is the API's to check, not the browser's). */
export function readClaims(token: string): Claims | null {
  try {
    const payload = token.split('.')[1];
    if (!payload) return null;
    const json = new TextDecoder().decode(
      Uint8Array.from(atob(payload.replace(/-/g, '+').replace(/_/g, '/')), (c) => c.charCodeAt(0)),
    );
    const c = JSON.parse(json) as Record<string, unknown>;
    const groups = Array.isArray(c['cognito:groups']) ? (c['cognito:groups'] as unknown[]) : [];
    return {
      sub: String(c.sub ?? ''),
      roles: ROLES.filter((r) => groups.includes(r)),
      uscc: typeof c['custom:uscc'] === 'string' ? (c['custom:uscc'] as string) : null,
      email: typeof c.email === 'string' ? c.email : null,
      expiresAt: typeof c.exp === 'number' ? c.exp * 1000 : 0,
    };
  } catch {
    return null;
  }
}

export const ROLE_NAMES: Record<Role, string> = {
  applicant: '申报单位',
  staff: '科技局审核人员',
  finance: '财政拨付人员',
  supervisor: '监督人员',
};
