import { startStack } from './stack.mjs';

// The stack for the browser tests: CONSOLE_URL when one is already running (./dev up), else our own on free ports.
export default async function globalSetup(): Promise<() => void> {
  if (process.env.CONSOLE_URL) return () => undefined;
  const stack = await startStack();
  process.env.CONSOLE_URL = stack.url;
  return () => stack.stop();
}
