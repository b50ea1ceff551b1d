import { expect, test } from '@playwright/test';
import { readFile } from 'node:fs/promises';
import { choose, newSignedInPage, newUscc } from './helpers';

// 免申即享: staff import a list (hashed and uploaded by the browser), follow it, download its report and link the row
// no profile matched to an organisation.
test('staff import a list, read its figures and report, and link an unmatched row', async ({ browser, request }) => {
  const uscc = newUscc();
  const unknown = `毕节无此组织${uscc.slice(-6)}有限公司`;
  const csv = `序号,企业名称,统一社会信用代码,所属地区\n1,毕节导入测试${uscc.slice(-6)}有限公司,${uscc},七星关区\n2,${unknown},,七星关区\n`;

  const staff = await newSignedInPage(browser, 'staff', undefined, '/');
  await staff.getByRole('link', { name: '名单导入' }).click();
  await staff.getByLabel('批次名称').fill(`毕节市2026年高新技术企业 ${uscc.slice(-4)}`);
  await staff.getByRole('combobox', { name: '发证日期（名单无此列时）' }).fill('2026-11-20');
  await staff.keyboard.press('Enter');
  await staff.getByLabel('文号（名单无证书编号时）').fill(`黔高企认〔2026〕${uscc.slice(-4)}号`);
  await staff.locator('input[type=file]').setInputFiles({ name: '名单.csv', mimeType: 'text/csv', buffer: Buffer.from(csv, 'utf8') });
  await staff.getByRole('button', { name: '上传并导入' }).click();
  await staff.waitForURL(/\/list-imports\/[A-Za-z0-9_-]+$/);
  expect((await request.post('/local/notifications/drain')).ok()).toBe(true); // the upload's S3 event starts the import

  const figures = staff.getByTestId('figures');
  await expect(figures).toContainText('已记录1', { timeout: 30_000 });
  await expect(figures).toContainText('待人工核对1');
  const [report] = await Promise.all([staff.waitForEvent('download'), staff.getByRole('button', { name: '下载导入报告 CSV' }).click()]);
  const bytes = await readFile((await report.path())!);
  expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
  expect(bytes.toString('utf8')).toContain(unknown);

  const row = staff.getByRole('row', { name: new RegExp(unknown) });
  await row.getByRole('button', { name: '关联单位' }).click();
  await staff.getByLabel('统一社会信用代码').fill(newUscc());
  await choose(staff, '县（区）', '七星关区');
  await staff.getByRole('button', { name: '确认关联' }).click();
  await expect(staff.getByText('已关联并记录')).toBeVisible();
  await expect(figures).toContainText('待人工核对0');
});
