import { expect, test } from '@playwright/test';
import { applicationViaApi, choose, newSignedInPage, newUscc } from './helpers';

// The organisation directory: find an organisation by the start of its name, set its growth tier, see the history.
test('staff find an organisation in the directory and set its growth tier with a date and a reason', async ({ browser, request }) => {
  const uscc = newUscc();
  const name = `毕节名录测试${uscc.slice(-5)}有限公司`;
  await applicationViaApi(request, uscc, name);

  const staff = await newSignedInPage(browser, 'staff', undefined, '/');
  await staff.getByRole('link', { name: '组织名录' }).click();
  await staff.getByLabel('按名称检索').fill(`毕节名录测试${uscc.slice(-5)}`);
  await staff.getByRole('button', { name: '查询' }).click();
  await expect(staff.getByRole('row', { name: new RegExp(uscc) })).toContainText('七星关区');
  await staff.getByRole('link', { name }).click();
  await staff.waitForURL(`**/orgs/${uscc}`);
  await expect(staff.getByRole('heading', { name })).toBeVisible();

  await staff.getByRole('button', { name: '保存成长梯队' }).click();
  await expect(staff.getByText('请填写认定理由')).toBeVisible();
  await choose(staff, '成长梯队', '种子企业');
  await staff.getByLabel('认定理由').fill('2026年种子企业遴选结果');
  await staff.getByRole('button', { name: '保存成长梯队' }).click();
  await expect(staff.getByText('成长梯队已更新')).toBeVisible();
  await expect(staff.getByTestId('tier')).toHaveText('种子企业');
  await expect(staff.getByRole('row', { name: /2026年种子企业遴选结果/ })).toContainText('种子企业');
});
