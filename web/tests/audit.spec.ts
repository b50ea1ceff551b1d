import { expect, test } from '@playwright/test';
import { applicationViaApi, choose, newSignedInPage, newUscc, noticeViaApi } from './helpers';

// The audit trail (变更记录): reached from an application and from a subsidy, who did what and what changed, and the
// verification of the record's hash chain.
test("staff open an application's audit trail from its page, read what changed and verify the chain", async ({ browser, request }) => {
  const uscc = newUscc();
  const applicationId = await applicationViaApi(request, uscc, `毕节变更记录测试有限公司${uscc.slice(-4)}`);

  const staff = await newSignedInPage(browser, 'staff', undefined, `/review/${applicationId}`);
  await staff.getByRole('button', { name: '审核决定' }).click();
  await staff.getByRole('radio', { name: '退回补充' }).check({ force: true });
  await staff.getByLabel('理由（申报单位可见）').fill('请补充认定文件。');
  await staff.getByRole('button', { name: '确认' }).click();
  await expect(staff.getByText('审核决定已保存')).toBeVisible();

  await staff.getByRole('main').getByRole('link', { name: '变更记录' }).click();
  await staff.waitForURL(/\/audit-trail\?entity=APP/);
  await expect(staff.getByRole('heading', { name: '变更记录', level: 1 })).toBeVisible();
  const submitted = staff.getByTestId('audit-entry').filter({ hasText: '提交申报' });
  await expect(submitted).toContainText(`applicant-${uscc}`); // who: the applicant's sub
  const returned = staff.getByTestId('audit-entry').filter({ hasText: '退回补充' });
  await expect(returned).toContainText('状态：SUBMITTED → RETURNED');
  await expect(returned).toContainText('请补充认定文件。');

  await staff.getByRole('button', { name: '校验哈希链' }).click();
  await expect(staff.getByTestId('verification')).toContainText('哈希链完整：共 2 条记录');

  // any record by its type and number
  await choose(staff, '记录类型', '单位');
  await staff.getByLabel('记录编号').fill(uscc);
  await staff.getByRole('button', { name: '查看变更记录' }).click();
  await expect(staff).toHaveURL(new RegExp(`entity=ORG%23${uscc}`));
  await expect(staff.getByTestId('audit-entry').filter({ hasText: '建立单位信息' })).toBeVisible();
});

test("a subsidy's audit trail from its 公示; the applicant cannot use the page", async ({ browser, request }) => {
  const uscc = newUscc();
  const name = `毕节补助记录测试有限公司${uscc.slice(-4)}`;
  const noticeId = await noticeViaApi(request, uscc, name);

  const supervisor = await newSignedInPage(browser, 'supervisor', undefined, `/notice-desk/${noticeId}`);
  const row = supervisor.getByRole('row', { name: new RegExp(name) });
  await row.getByRole('link', { name: '变更记录' }).click();
  await supervisor.waitForURL(/\/audit-trail\?entity=SUB/);
  await expect(supervisor.getByTestId('audit-entry').filter({ hasText: '生成补助' })).toBeVisible();
  await expect(supervisor.getByTestId('audit-entry').filter({ hasText: '列入公示' })).toContainText('ON_NOTICE');

  const applicant = await newSignedInPage(browser, 'applicant', uscc, '/');
  await expect(applicant.getByRole('navigation', { name: '主菜单' }).getByRole('link', { name: '变更记录' })).toHaveCount(0);
  await applicant.goto(`/audit-trail?entity=ORG%23${uscc}`);
  await expect(applicant.getByText('您的角色无权使用该页面')).toBeVisible();
});
