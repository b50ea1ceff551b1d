import { expect, test } from '@playwright/test';
import { closeNotice, choose, newSignedInPage, newUscc, noticeViaApi } from './helpers';

// 公示: anyone objects on the public page (plain text, shown as text), staff uphold it, and the close holds the subsidy.
test('a visitor objects to a notice entry → staff uphold it → the close holds that subsidy', async ({ browser, page, request }) => {
  const uscc = newUscc();
  const name = `毕节公示测试科技有限公司${uscc.slice(-4)}`;
  const noticeId = await noticeViaApi(request, uscc, name);
  const text = `研发人员占比不足 <b>10%</b> ${uscc.slice(-4)}`;

  await page.goto('/public-notices');
  await page.getByRole('link', { name: `补助拨付前公示 ${uscc.slice(-4)}` }).click();
  await page.waitForURL(`**/public-notices/${noticeId}`);
  await expect(page.getByRole('row', { name: new RegExp(name) })).toContainText('100,000 元');
  await expect(page.getByRole('row', { name: new RegExp(name) })).not.toContainText(uscc); // no USCC in public
  await page.getByRole('button', { name: '提交异议' }).click();
  await expect(page.getByText('请选择异议针对的单位')).toBeVisible();
  await choose(page, '异议针对的单位', name);
  await page.getByLabel('异议内容（纯文本）').fill(text);
  await expect(page.getByText(`${text.length} / 2000`)).toBeVisible();
  await page.getByRole('button', { name: '提交异议' }).click();
  await expect(page.getByText('异议已受理')).toBeVisible();

  const staff = await newSignedInPage(browser, 'staff', undefined, `/notice-desk/${noticeId}`);
  const objection = staff.getByRole('row', { name: /研发人员占比不足/ });
  await expect(objection).toContainText(text); // the markup stays text
  await expect(objection.locator('b')).toHaveCount(0);
  await objection.getByRole('button', { name: '处理异议' }).click();
  await staff.getByRole('dialog').getByText('异议成立（公示结束后暂缓拨付）').click();
  await staff.getByLabel('处理理由').fill('经核查，研发人员占比不符合认定条件。');
  await staff.getByRole('button', { name: '确认' }).click();
  await expect(staff.getByText('异议已处理')).toBeVisible();
  await expect(objection).toContainText('异议成立');
  await expect(objection.getByRole('button', { name: '处理异议' })).toHaveCount(0);

  await closeNotice(request, noticeId);
  await staff.reload();
  const entry = staff.getByRole('row', { name: new RegExp(name) }).first(); // the entries come before the objections
  await expect(entry).toContainText('暂缓拨付');
  await expect(entry).toContainText('研发人员占比不符合');
  await expect(staff.getByText('已结束')).toBeVisible();
});
