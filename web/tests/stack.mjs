import { spawn } from 'node:child_process';
import { existsSync, mkdirSync, openSync } from 'node:fs';
import { createServer } from 'node:net';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

export const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');

/** Debian's chromium (or CHROMIUM_PATH); a clear stop, never a silent skip, when there is none. */
/** @returns {string} */
export function chromiumPath() {
  const candidates = [process.env.CHROMIUM_PATH, '/usr/bin/chromium', '/usr/bin/chromium-browser'].filter(Boolean);
  const found = candidates.find((c) => existsSync(c));
  if (!found) {
    throw new Error('no chromium: install it with `apt-get update && apt-get install -y chromium` (or set CHROMIUM_PATH)');
  }
  return found;
}

/** @returns {Promise<number>} */
function freePort() {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      server.close(() => resolve(port));
    });
    server.on('error', reject);
  });
}

async function waitFor(url, seconds, what, log) {
  const until = Date.now() + seconds * 1000;
  while (Date.now() < until) {
    try {
      const response = await fetch(url);
      if (response.ok) return;
    } catch {
      // not up yet
    }
    await new Promise((r) => setTimeout(r, 250));
  }
  throw new Error(`${what} did not become healthy in ${seconds} s; see ${log}`);
}

/**
 * MiniStack and the packaged local runner on free ports, as the e2e Java tests start them (used by the browser tests'
 * global setup and by bench/console.mjs).
 * @returns {Promise<{ url: string, emulator: string, stop: () => void }>}
 */
export async function startStack() {
  const jar = path.join(ROOT, 'local/target/local-runner.jar');
  const ministack = path.join(ROOT, '.venv/bin/ministack');
  if (!existsSync(jar)) throw new Error(`${jar} is missing: run \`./dev build\` (or \`./dev test\`, which builds it) first`);
  if (!existsSync(ministack)) throw new Error(`${ministack} is missing: \`./dev build\` creates .venv`);
  const logs = path.join(ROOT, 'web/artifacts');
  mkdirSync(logs, { recursive: true });
  const emulatorPort = await freePort();
  const apiPort = await freePort();
  const children = [];
  const emulatorLog = path.join(logs, 'ministack.log');
  children.push(spawn(ministack, [], {
    env: { ...process.env, BIND_HOST: '127.0.0.1', GATEWAY_PORT: String(emulatorPort), IOT_MTLS_ENABLED: '0',
      SERVICES: 'dynamodb,dynamodbstreams,s3,ses,sesv2,sqs,sts,secretsmanager' },
    stdio: ['ignore', openSync(emulatorLog, 'w'), 'inherit'],
  }));
  const stop = () => children.forEach((c) => c.kill('SIGTERM'));
  try {
    const emulator = `http://127.0.0.1:${emulatorPort}`;
    await waitFor(`${emulator}/_ministack/health`, 60, 'MiniStack', emulatorLog);
    const runnerLog = path.join(logs, 'local-runner.log');
    const java = process.env.JAVA_HOME ? path.join(process.env.JAVA_HOME, 'bin/java') : 'java';
    children.push(spawn(java, ['-XX:TieredStopAtLevel=1', '-jar', jar, '--template', path.join(ROOT, 'template.yaml'),
      '--port', String(apiPort), '--endpoint', emulator, '--stack', 'web'], {
      cwd: ROOT,
      env: { ...process.env, AWS_ACCESS_KEY_ID: 'test', AWS_SECRET_ACCESS_KEY: 'test', AWS_REGION: 'us-east-1' },
      stdio: ['ignore', openSync(runnerLog, 'w'), openSync(runnerLog, 'a')],
    }));
    const url = `http://127.0.0.1:${apiPort}`;
    await waitFor(`${url}/local/health`, 120, 'the local runner', runnerLog);
    return { url, emulator, stop };
  } catch (e) {
    stop();
    throw e;
  }
}
