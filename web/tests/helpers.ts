import { expect, type APIRequestContext, type Browser, type Page } from '@playwright/test';
import type { Role } from '../src/auth/claims';

const ALPHABET = '0123456789ABCDEFGHJKLMNPQRTUWXY';
const WEIGHTS = [1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28];

/** A fresh, valid USCC (its own check character), so each run is its own organisation. */
export function newUscc(): string {
  let body = '91520500MA';
  for (let i = 0; i < 7; i++) body += ALPHABET[Math.floor(Math.random() * ALPHABET.length)];
  const sum = [...body].reduce((acc, c, i) => acc + WEIGHTS[i]! * ALPHABET.indexOf(c), 0);
  return body + ALPHABET[(31 - (sum % 31)) % 31];
}

/** A real, small PDF (one page with a line of text); its bytes differ per call. */
export function pdfBytes(label: string): Buffer {
  const text = `BT /F1 18 Tf 72 720 Td (${label}) Tj ET`;
  const objects = [
    '<< /Type /Catalog /Pages 2 0 R >>',
    '<< /Type /Pages /Kids [3 0 R] /Count 1 >>',
    '<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Contents 4 0 R /Resources << /Font << /F1 5 0 R >> >> >>',
    `<< /Length ${text.length} >>\nstream\n${text}\nendstream`,
    '<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>',
  ];
  let pdf = '%PDF-1.4\n';
  const offsets: number[] = [];
  objects.forEach((o, i) => {
    offsets.push(pdf.length);
    pdf += `${i + 1} 0 obj\n${o}\nendobj\n`;
  });
  const xref = pdf.length;
  pdf += `xref\n0 ${objects.length + 1}\n0000000000 65535 f \n`;
  for (const off of offsets) pdf += `${String(off).padStart(10, '0')} 00000 n \n`;
  pdf += `trailer\n<< /Size ${objects.length + 1} /Root 1 0 R >>\nstartxref\n${xref}\n%%EOF\n`;
  return Buffer.from(pdf, 'latin1');
}

/** Sign in through the runner's "sign in as" page, as a person would. */
export async function signIn(page: Page, role: Role, uscc?: string, returnTo = '/'): Promise<void> {
  await page.goto(`/local/sign-in?return=${encodeURIComponent(returnTo)}`);
  await page.getByLabel('角色').selectOption(role);
  await page.getByLabel('统一社会信用代码（申报单位必填）').fill(uscc ?? '');
  await page.getByRole('button', { name: '登录' }).click();
  await page.waitForURL((url) => url.pathname === returnTo);
  await expect(page.getByRole('button', { name: '退出' })).toBeVisible();
}

export async function newSignedInPage(browser: Browser, role: Role, uscc?: string, returnTo = '/'): Promise<Page> {
  const context = await browser.newContext();
  const page = await context.newPage();
  await signIn(page, role, uscc, returnTo);
  return page;
}

/** A token straight from the runner, for setting up data a test is not about. */
export async function token(request: APIRequestContext, role: Role, uscc?: string): Promise<string> {
  const response = await request.post('/local/token', {
    data: { sub: `${role}-${uscc ?? 'x'}`, groups: [role], ...(uscc ? { uscc } : {}), email: 'test@example.com' },
  });
  expect(response.ok()).toBe(true);
  return (await response.json()).token as string;
}

/** Pick an option of an Element Plus select by the select's accessible name. */
export async function choose(page: Page, label: string, option: string): Promise<void> {
  const select = page.getByRole('combobox', { name: label });
  await select.focus();
  await select.press('Enter'); // opens the list, as a keyboard user would
  await page.getByRole('option', { name: option, exact: true }).click();
  await expect(page.getByRole('option', { name: option, exact: true })).toBeHidden();
}

/** An organisation with a profile and one submitted application, set up through the API. */
export async function applicationViaApi(request: APIRequestContext, uscc: string, name: string,
  kind: 'KEY_LABORATORY' | 'HIGH_TECH_ENTERPRISE' = 'KEY_LABORATORY'): Promise<string> {
  const auth = { authorization: `Bearer ${await token(request, 'applicant', uscc)}` };
  const profile = await request.put(`/api/organizations/${uscc}`, {
    headers: auth, data: { name, county: '520502', industry: 'NEW_MATERIALS', contactEmail: 'contact@example.com' },
  });
  expect(profile.status()).toBe(200);
  const created = await request.post('/api/applications', {
    headers: { ...auth, 'Idempotency-Key': `apply-${uscc}` },
    data: { uscc, kind, level: kind === 'KEY_LABORATORY' ? 'PROVINCIAL' : 'NATIONAL', renewal: false, platformName: `${name}重点实验室`,
      certificateNo: `SYS-${uscc.slice(-6)}`, issuedOn: '2026-10-20' },
  });
  expect(created.status()).toBe(201);
  return (await created.json()).applicationId as string;
}

/** The applicant's profile form, filled (not sent). */
export async function fillProfile(page: Page, name: string, email: string): Promise<void> {
  await page.getByLabel('单位名称').fill(name);
  await choose(page, '所在县（区）', '七星关区');
  await choose(page, '所属产业', '新材料');
  await page.getByLabel('联系邮箱（接收提醒）').fill(email);
}

/** The daily close (the runner runs NoticesFunction) at 09:30 Shanghai the day after the notice's last working day. */
export async function closeNotice(request: APIRequestContext, noticeId: string): Promise<void> {
  const auth = { authorization: `Bearer ${await token(request, 'staff')}` };
  const notice = await request.get(`/api/notices/${noticeId}`, { headers: auth });
  expect(notice.status()).toBe(200);
  const endsOn = (await notice.json()).notice.endsOn as string;
  const next = new Date(`${endsOn}T09:30:00+08:00`);
  next.setUTCDate(next.getUTCDate() + 1);
  const closed = await request.post('/local/schedules/NoticesFunction', { data: { time: next.toISOString() } });
  expect(closed.status(), await closed.text()).toBe(200);
}

/** A certified high-tech enterprise whose subsidy staff put on a 公示 (set up through the API): the notice's id. */
export async function noticeViaApi(request: APIRequestContext, uscc: string, name: string): Promise<string> {
  const applicationId = await applicationViaApi(request, uscc, name, 'HIGH_TECH_ENTERPRISE');
  const staff = { authorization: `Bearer ${await token(request, 'staff')}` };
  const decided = await request.post(`/api/applications/${applicationId}/decision`, {
    headers: { ...staff, 'Idempotency-Key': `decide-${uscc}` }, data: { outcome: 'CERTIFIED' },
  });
  expect(decided.status(), await decided.text()).toBe(200);
  expect((await request.post('/local/streams/drain')).ok()).toBe(true);
  const subsidies = await (await request.get(`/api/subsidies?uscc=${uscc}`, { headers: staff })).json();
  const opened = await request.post('/api/notices', {
    headers: { ...staff, 'Idempotency-Key': `notice-${uscc}` },
    data: { title: `补助拨付前公示 ${uscc.slice(-4)}`, subsidyIds: [subsidies.items[0].subsidyId] },
  });
  expect(opened.status(), await opened.text()).toBe(201);
  return (await opened.json()).noticeId as string;
}
