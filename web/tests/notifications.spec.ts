import { expect, test } from '@playwright/test';
import { applicationViaApi, newSignedInPage, newUscc, token } from './helpers';

// 我的通知: the applicant's own notifications, newest first, ten to a page.
test('the applicant reads its notifications, newest first, and pages through them', async ({ browser, request }) => {
  const uscc = newUscc();
  const applicationId = await applicationViaApi(request, uscc, `毕节通知测试有限公司${uscc.slice(-4)}`);
  const staff = { authorization: `Bearer ${await token(request, 'staff')}` };
  const returned = await request.post(`/api/applications/${applicationId}/decision`, {
    headers: { ...staff, 'Idempotency-Key': `return-${uscc}` }, data: { outcome: 'RETURNED', reason: '请补充省级重点实验室认定文件。' },
  });
  expect(returned.status(), await returned.text()).toBe(200);
  expect((await request.post('/local/streams/drain')).ok()).toBe(true);
  // nine more applications: eleven notifications, two pages
  const own = { authorization: `Bearer ${await token(request, 'applicant', uscc)}` };
  for (let i = 1; i <= 9; i++) {
    const created = await request.post('/api/applications', {
      headers: { ...own, 'Idempotency-Key': `apply-${uscc}-${i}` },
      data: { uscc, kind: 'KEY_LABORATORY', level: 'PROVINCIAL', renewal: false, platformName: `毕节通知测试实验室${i}`,
        certificateNo: `NTF-${uscc.slice(-6)}-${i}`, issuedOn: '2026-10-20' },
    });
    expect(created.status(), await created.text()).toBe(201);
  }
  expect((await request.post('/local/streams/drain')).ok()).toBe(true);

  const applicant = await newSignedInPage(browser, 'applicant', uscc, '/');
  await applicant.getByRole('navigation', { name: '主菜单' }).getByRole('link', { name: '我的通知' }).click();
  await expect(applicant.getByRole('heading', { name: '我的通知', level: 1 })).toBeVisible();
  const items = applicant.getByTestId('notification');
  await expect(items).toHaveCount(10);
  await expect(items.nth(0)).toContainText('毕节通知测试实验室9'); // the newest first
  await expect(items.filter({ hasText: '申报退回补充' })).toContainText('请补充省级重点实验室认定文件。');
  await applicant.getByRole('button', { name: '下一页' }).click();
  await expect(items).toHaveCount(1);
  await expect(items.nth(0)).toContainText('申报已受理'); // the oldest last
  await expect(items.nth(0)).toContainText('重点实验室');

  // another organisation's list is not reachable: the page reads the signed-in organisation's only
  const other = newUscc();
  const refused = await request.get(`/api/organizations/${other}/notifications`, {
    headers: { authorization: `Bearer ${await token(request, 'applicant', uscc)}` },
  });
  expect(refused.status()).toBe(404);
});
