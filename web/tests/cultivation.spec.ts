import { expect, test } from '@playwright/test';
import { readFile } from 'node:fs/promises';
import { applicationViaApi, choose, newSignedInPage, newUscc } from './helpers';

// Issue 17 in the console: staff put an enterprise into the reserve pool, see the intake, record coaching and the
// readiness checklist on its page; the statistics with their CSV (the API's BOM kept).
test('staff add an enterprise to the reserve pool, coach it, record its readiness and read the statistics', async ({ browser, request }) => {
  const uscc = newUscc();
  const name = `毕节培育测试${uscc.slice(-5)}有限公司`;
  await applicationViaApi(request, uscc, name);
  const year = new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Shanghai' }).format(new Date()).slice(0, 4);

  const staff = await newSignedInPage(browser, 'staff', undefined, '/');
  await staff.getByRole('navigation', { name: '主菜单' }).getByRole('link', { name: '高企培育库' }).click();
  await expect(staff.getByRole('heading', { name: '高企培育库', level: 1 })).toBeVisible();
  await staff.getByRole('button', { name: '企业入库' }).click();
  await staff.getByLabel('统一社会信用代码').fill(uscc);
  await staff.getByRole('button', { name: '入库', exact: true }).click();
  await expect(staff.getByText('请至少填写一项入库条件')).toBeVisible(); // checked before sending
  await choose(staff, '所属产业', '新材料');
  await staff.getByLabel('知识产权数量（件）').fill('4');
  await staff.getByRole('button', { name: '入库', exact: true }).click();
  await expect(staff.getByText(`${name} 已入选 ${year} 年度培育库`)).toBeVisible();
  const row = staff.getByRole('row', { name: new RegExp(name) });
  await expect(row).toContainText('所属产业 新材料；知识产权数量 4 件');
  await expect(row).toContainText('培育中');
  // the same enterprise again in this intake: the API's 409, in words
  await staff.getByRole('button', { name: '企业入库' }).click();
  await staff.getByLabel('统一社会信用代码').fill(uscc);
  await staff.getByLabel('知识产权数量（件）').fill('4');
  await staff.getByRole('button', { name: '入库', exact: true }).click();
  await expect(staff.getByRole('dialog').getByRole('alert')).toBeVisible();
  await staff.getByRole('button', { name: '取消' }).click();

  // an application window: the pool is mailed
  await staff.getByRole('button', { name: '开放申报窗口' }).click();
  await staff.getByLabel('窗口名称').fill(`${year}年度国家高新技术企业认定 ${uscc.slice(-5)}`);
  const closes = new Date(Date.now() + 30 * 86_400_000).toISOString().slice(0, 10);
  await staff.getByRole('combobox', { name: '截止日期' }).fill(closes);
  await staff.keyboard.press('Enter');
  await staff.getByRole('button', { name: '开放', exact: true }).click();
  await expect(staff.getByText('申报窗口已开放，培育库中尚未转化的企业将收到邮件通知')).toBeVisible();

  await row.getByRole('link', { name }).click();
  await staff.waitForURL(`**/orgs/${uscc}`);
  await expect(staff.locator('[aria-label="培育库"]')).toContainText(year);
  await expect(staff.getByText('尚缺 8 项')).toBeVisible();
  await staff.getByText('企业申请认定时须注册成立一年以上').click();
  await staff.getByText(/未发生重大安全/).click();
  await expect(staff.getByRole('checkbox', { name: /注册成立一年以上/ })).toBeChecked();
  await staff.getByRole('button', { name: '保存自查结果' }).click();
  await expect(staff.getByText('认定条件自查结果已保存')).toBeVisible();
  await expect(staff.getByText('尚缺 6 项')).toBeVisible();

  await staff.getByRole('button', { name: '记录培训辅导' }).click();
  await expect(staff.getByText('请选择辅导类型')).toBeVisible();
  await choose(staff, '辅导类型', '一对一辅导');
  await staff.getByLabel('辅导内容').fill('研发费用归集与知识产权布局辅导');
  await staff.reload(); // the coaching form is a draft: a reload keeps it
  await expect(staff.getByLabel('辅导内容')).toHaveValue('研发费用归集与知识产权布局辅导');
  await staff.getByRole('button', { name: '记录培训辅导' }).click();
  await expect(staff.getByText('培训辅导已记录')).toBeVisible();
  await expect(staff.locator('[aria-label="培训辅导"]')).toContainText('一对一辅导');
  await expect(staff.locator('[aria-label="培训辅导"]')).toContainText('研发费用归集与知识产权布局辅导');
  await expect(staff.getByText('尚缺 6 项')).toBeVisible(); // the readiness survives the reload

  await staff.getByRole('navigation', { name: '主菜单' }).getByRole('link', { name: '培育统计' }).click();
  await expect(staff.getByRole('heading', { name: `${year} 年培育统计` })).toBeVisible();
  await expect(staff.getByRole('row', { name: /七星关区/ })).toBeVisible();
  await choose(staff, '统计维度', '按产业');
  await expect(staff.getByRole('row', { name: /新材料/ })).toBeVisible();
  await expect(staff.getByRole('heading', { name: '目标完成预测' })).toBeVisible();
  await expect(staff.locator('[aria-label="目标完成预测"]')).toContainText('高新技术企业');
  const [csv] = await Promise.all([staff.waitForEvent('download'), staff.getByRole('button', { name: '下载统计 CSV' }).click()]);
  const bytes = await readFile((await csv.path())!);
  expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
  expect(csv.suggestedFilename()).toMatch(/^培育统计-\d{4}-\d{2}-\d{2}\.csv$/);
});

test('finance read the statistics but not the pool; a supervisor reads the pool and is offered no action', async ({ browser }) => {
  const finance = await newSignedInPage(browser, 'finance', undefined, '/cultivation-stats');
  await expect(finance.getByRole('button', { name: '下载统计 CSV' })).toBeVisible();
  await expect(finance.getByRole('heading', { name: '目标完成预测' })).toHaveCount(0); // the forecast is staff's and supervisors'
  await expect(finance.getByRole('navigation', { name: '主菜单' }).getByRole('link', { name: '高企培育库' })).toHaveCount(0);
  await finance.goto('/reserve-pool');
  await expect(finance.getByText('您的角色无权使用该页面')).toBeVisible();

  const supervisor = await newSignedInPage(browser, 'supervisor', undefined, '/reserve-pool');
  await expect(supervisor.locator('[aria-label="培育库企业"]')).toBeVisible();
  await expect(supervisor.getByRole('button', { name: '企业入库' })).toHaveCount(0);
  await expect(supervisor.getByRole('button', { name: '开放申报窗口' })).toHaveCount(0);
});
