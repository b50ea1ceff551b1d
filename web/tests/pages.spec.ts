import AxeBuilder from '@axe-core/playwright';
import { expect, test, type Page } from '@playwright/test';
import type { Role } from '../src/auth/claims';
import { applicationViaApi, newUscc, noticeViaApi, signIn } from './helpers';

// Every page: axe-core finds no serious or critical violation, 375 px wide has no horizontal scrolling, and a
// screenshot at 1366 and at 375 px is kept (web/artifacts/screenshots).
const SHOTS = 'artifacts/screenshots';

async function check(page: Page, name: string) {
  await page.waitForLoadState('networkidle');
  await expect(page.locator('.el-skeleton')).toHaveCount(0);
  const axe = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']).analyze();
  const bad = axe.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
  expect(bad.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).slice(0, 3).join(', ')}`), `axe on ${name}`).toEqual([]);
  await page.screenshot({ path: `${SHOTS}/${name}-1366.png`, fullPage: true });
  await page.setViewportSize({ width: 375, height: 812 });
  await page.waitForTimeout(200);
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
  expect(overflow, `${name} scrolls sideways at 375 px`).toBeLessThanOrEqual(0);
  await page.screenshot({ path: `${SHOTS}/${name}-375.png`, fullPage: true });
  await page.setViewportSize({ width: 1366, height: 900 });
}

test.describe('every page', () => {
  let uscc: string;
  let applicationId: string;
  let noticeId: string;

  test.beforeAll(async ({ request }) => {
    uscc = newUscc();
    applicationId = await applicationViaApi(request, uscc, `毕节页面检查有限公司${uscc.slice(-4)}`);
    const other = newUscc();
    noticeId = await noticeViaApi(request, other, `毕节页面检查公示有限公司${other.slice(-4)}`);
  });

  test('public pages', async ({ page }) => {
    await page.goto('/');
    await expect(page.getByRole('heading', { name: '补助政策' })).toBeVisible();
    await check(page, 'public-policy');
    await page.goto('/progress');
    await expect(page.getByRole('heading', { name: '各县（区）分布' })).toBeVisible();
    await check(page, 'public-progress');
    await page.goto('/public-notices');
    await expect(page.getByRole('link', { name: /补助拨付前公示/ }).first()).toBeVisible();
    await check(page, 'public-notices');
    await page.goto(`/public-notices/${noticeId}`);
    await expect(page.getByRole('heading', { name: '提出异议' })).toBeVisible();
    await check(page, 'public-notice');
    await page.goto('/local/sign-in');
    await check(page, 'local-sign-in');
  });

  const byRole: [Role, string[]][] = [
    ['applicant', ['/org', '/apply', '/my', '/my/:id', '/my-subsidies', '/my-notifications']],
    ['staff', ['/review', '/review/:id', '/certs', '/params', '/payments', '/notice-desk', '/notice-desk/:notice', '/orgs', '/orgs/:uscc', '/list-imports',
      '/reserve-pool', '/cultivation-stats', '/audit-trail?entity=APP%23:id']],
    ['finance', ['/payments', '/notice-desk', '/funds', '/cultivation-stats']],
    ['supervisor', ['/review/:id', '/params', '/funds', '/orgs', '/orgs/:uscc', '/list-imports', '/reserve-pool', '/cultivation-stats', '/audit-trail?entity=APP%23:id']],
  ];
  for (const [role, paths] of byRole) {
    test(`${role} pages`, async ({ page }) => {
      await signIn(page, role, role === 'applicant' ? uscc : undefined);
      for (const path of paths) {
        await page.goto(path.replace(':id', applicationId).replace(':notice', noticeId).replace(':uscc', uscc));
        await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
        await check(page, `${role}${path.replace(/[^A-Za-z0-9-]+/g, '-').replace(/-APP-23-id$/, '')}`);
      }
    });
  }

  test('a supervisor reads but is offered no action', async ({ page }) => {
    await signIn(page, 'supervisor', undefined, `/review/${applicationId}`);
    await expect(page.getByRole('heading', { name: /毕节页面检查有限公司/ })).toBeVisible();
    await expect(page.getByRole('button', { name: '审核决定' })).toHaveCount(0);
    await page.goto('/certs');
    await expect(page.getByRole('button', { name: '登记认定' })).toHaveCount(0);
  });
});

test('the console is usable by keyboard: skip link, menu, sign-in form', async ({ page }) => {
  await page.goto('/');
  // the shell renders once the session is known: a Tab pressed before that lands on the bare document
  await page.waitForLoadState('networkidle');
  await expect(page.getByRole('navigation', { name: '主菜单' })).toBeVisible();
  await page.keyboard.press('Tab');
  await expect(page.getByRole('link', { name: '跳到主要内容' })).toBeFocused();
  await page.keyboard.press('Enter');
  await expect(page.locator('main')).toBeFocused();

  await page.goto('/');
  const progress = page.getByRole('navigation', { name: '主菜单' }).getByRole('link', { name: '工作目标进展' });
  for (let i = 0; i < 10 && !(await progress.evaluate((el) => el === document.activeElement)); i++) await page.keyboard.press('Tab');
  await expect(progress).toBeFocused();
  await page.keyboard.press('Enter');
  await expect(page).toHaveURL(/\/progress$/);

  // sign in with the keyboard alone
  await page.goto('/local/sign-in?return=/review');
  await page.getByLabel('角色').focus();
  await page.keyboard.press('ArrowDown'); // 申报单位 → 科技局审核人员
  const submit = page.getByRole('button', { name: '登录' });
  for (let i = 0; i < 6 && !(await submit.evaluate((el) => el === document.activeElement)); i++) await page.keyboard.press('Tab');
  await expect(submit).toBeFocused();
  await page.keyboard.press('Enter');
  await page.waitForURL('**/review');
  await expect(page.getByRole('heading', { name: '申报审核' })).toBeVisible();
});
