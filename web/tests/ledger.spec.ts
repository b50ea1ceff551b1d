import { expect, test } from '@playwright/test';
import { readFile } from 'node:fs/promises';
import { choose, newSignedInPage, newUscc, noticeViaApi } from './helpers';

// The finance ledger: a subsidy on notice shows among the liabilities and the forecast; the CSV keeps the API's BOM.
test('finance read the ledger, its forecast and download the CSV and the printable report', async ({ browser, request }) => {
  const uscc = newUscc();
  await noticeViaApi(request, uscc, `毕节台账测试有限公司${uscc.slice(-4)}`);

  const finance = await newSignedInPage(browser, 'finance', undefined, '/');
  await finance.getByRole('link', { name: '资金台账' }).click();
  await expect(finance.getByRole('heading', { name: '补助资金台账', level: 1 })).toBeVisible();
  const onNotice = finance.getByRole('row', { name: /^公示中/ }).first();
  await expect(onNotice).toContainText('100,000 元');
  await expect(finance.getByRole('heading', { name: /未来 12 个月预测/ })).toBeVisible();
  await expect(finance.getByTestId('forecast-totals')).toContainText('公示中');
  await choose(finance, '汇总维度', '按县（区）');
  await expect(finance.getByRole('row', { name: /七星关区/ }).first()).toBeVisible();

  const [csv] = await Promise.all([finance.waitForEvent('download'), finance.getByRole('button', { name: '下载台账 CSV' }).click()]);
  const bytes = await readFile((await csv.path())!);
  expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
  expect(bytes.toString('utf8')).toContain('ON_NOTICE');

  const [report] = await Promise.all([finance.waitForEvent('download'), finance.getByRole('button', { name: '下载可打印的工作进展报告' }).click()]);
  expect(report.suggestedFilename()).toMatch(/\.html$/);
  expect((await readFile((await report.path())!)).toString('utf8')).toMatch(/<svg/i);
});
