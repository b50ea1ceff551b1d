import { startStack } from './stack.mjs';

// The stack for the browser tests: CONSOLE_URL when one is already running (./dev up), else our own on free ports.
export default async function globalSetup(): Promise<() => void> {
  let stop = () => undefined as void;
  if (!process.env.CONSOLE_URL) {
    const stack = await startStack();
    process.env.CONSOLE_URL = stack.url;
    stop = stack.stop;
  }
  await setParameter(process.env.CONSOLE_URL, 'SUBSIDY_WINDOW_FROM', '2019-01-01');
  return stop;
}

/**
 * A policy parameter the subsidies need, set as the bureau sets it: four eyes (one staff member proposes, another
 * approves). A parameter this API does not know yet (404) is left alone; one already set to this value is kept.
 */
async function setParameter(base: string, name: string, value: unknown): Promise<void> {
  const as = async (sub: string) => {
    const r = await fetch(`${base}/local/token`, { method: 'POST', headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ sub, groups: ['staff'], email: `${sub}@example.com` }) });
    return { authorization: `Bearer ${((await r.json()) as { token: string }).token}`, 'content-type': 'application/json' };
  };
  const body = JSON.stringify({ value });
  const proposed = await fetch(`${base}/api/policy/parameters/${name}`, { method: 'PUT', headers: await as('staff-setup-1'), body });
  if (proposed.status === 404 || proposed.status === 200) return; // unknown here, or in force already (a running stack)
  if (proposed.status !== 202) throw new Error(`PUT ${name}: ${proposed.status} ${await proposed.text()}`);
  const approved = await fetch(`${base}/api/policy/parameters/${name}/approval`, { method: 'POST', headers: await as('staff-setup-2'), body });
  if (!approved.ok) throw new Error(`approving ${name}: ${approved.status} ${await approved.text()}`);
}
