import { expect, test } from '@playwright/test';
import { applicationViaApi, newSignedInPage, newUscc } from './helpers';

test('a returned application is corrected by the applicant and comes back to the queue', async ({ browser, request }) => {
  const uscc = newUscc();
  const name = `毕节退回测试科技有限公司${uscc.slice(-4)}`;
  const applicationId = await applicationViaApi(request, uscc, name);

  const staff = await newSignedInPage(browser, 'staff', undefined, `/review/${applicationId}`);
  await staff.getByRole('button', { name: '审核决定' }).click();
  await staff.getByRole('radio', { name: '退回补充' }).check({ force: true });
  await staff.getByRole('button', { name: '确认' }).click();
  await expect(staff.getByText('退回或不予认定时请填写理由')).toBeVisible(); // the reason is required, next to its field
  await staff.getByLabel('理由（申报单位可见）').fill('请补充省级重点实验室认定文件。');
  await staff.getByRole('button', { name: '确认' }).click();
  await expect(staff.getByText('退回补充').first()).toBeVisible();

  const applicant = await newSignedInPage(browser, 'applicant', uscc, `/my/${applicationId}`);
  await expect(applicant.getByText('退回意见：请补充省级重点实验室认定文件。')).toBeVisible();
  await applicant.getByLabel('证书编号').fill('QKH-SYS-2026-088');
  await applicant.reload(); // the correction survives a reload
  await expect(applicant.getByLabel('证书编号')).toHaveValue('QKH-SYS-2026-088');
  await applicant.getByRole('button', { name: '重新提交' }).click();
  await expect(applicant.getByText('已重新提交')).toBeVisible();
  await expect(applicant.getByText('已提交，待审核').first()).toBeVisible();

  await staff.goto('/review');
  await expect(staff.getByRole('row', { name: new RegExp(name) })).toContainText('已提交，待审核');
  await staff.getByRole('link', { name: `${name}重点实验室` }).click();
  await expect(staff.getByText('QKH-SYS-2026-088')).toBeVisible();
});
