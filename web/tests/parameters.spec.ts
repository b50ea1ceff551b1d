import { expect, test, type Browser, type Page } from '@playwright/test';

// Four eyes in the console: one staff member proposes a policy parameter's value, sees it waiting and cannot approve
// it; a second staff member approves the value shown, and it is in force.
async function staffNamed(browser: Browser, sub: string): Promise<Page> {
  const page = await (await browser.newContext()).newPage();
  await page.goto(`/local/sign-in?return=${encodeURIComponent('/params')}`);
  await page.getByLabel('角色').selectOption('staff');
  await page.getByLabel('用户标识').fill(sub);
  await page.getByRole('button', { name: '登录' }).click();
  await page.waitForURL('**/params');
  return page;
}

test('a parameter change is proposed by one staff member and approved by another, never by its proposer', async ({ browser, request }) => {
  const run = Date.now().toString(36);
  const proposer = await staffNamed(browser, `staff-propose-${run}`);
  const panel = proposer.getByTestId('param-SUBSIDY_WINDOW_FROM');
  await expect(panel).toContainText('当前值：2019-01-01');
  await panel.getByRole('button', { name: '提出修改' }).click();
  await panel.getByRole('combobox', { name: '日期' }).fill('2019-01-02');
  await proposer.keyboard.press('Enter');
  await panel.getByRole('button', { name: '提出修改' }).click();
  await expect(proposer.getByText('修改已提交，须由另一位工作人员批准后生效')).toBeVisible();
  await expect(panel).toContainText('待批准的修改：2019-01-02');
  await expect(panel).toContainText('这是您提出的修改，须由另一位工作人员批准。');
  await expect(panel.getByRole('button', { name: '批准此修改' })).toHaveCount(0);
  await expect(panel).toContainText('当前值：2019-01-01'); // not in force yet

  const approver = await staffNamed(browser, `staff-approve-${run}`);
  const theirs = approver.getByTestId('param-SUBSIDY_WINDOW_FROM');
  await expect(theirs).toContainText(`待批准的修改：2019-01-02（staff-propose-${run}`);
  await theirs.getByRole('button', { name: '批准此修改' }).click();
  await expect(approver.getByText('已批准，参数已生效')).toBeVisible();
  await expect(theirs).toContainText('当前值：2019-01-02');
  await expect(theirs).toContainText(`由 staff-approve-${run} 批准生效`);
  await expect(theirs).not.toContainText('待批准的修改');

  // the window back where the other tests expect it, by the same four eyes
  const as = async (sub: string) => ({ authorization: `Bearer ${(await (await request.post('/local/token', { data: { sub, groups: ['staff'] } })).json()).token}` });
  const proposed = await request.put('/api/policy/parameters/SUBSIDY_WINDOW_FROM', { headers: await as(`staff-restore-a-${run}`), data: { value: '2019-01-01' } });
  expect(proposed.status()).toBe(202);
  const approved = await request.post('/api/policy/parameters/SUBSIDY_WINDOW_FROM/approval', { headers: await as(`staff-restore-b-${run}`), data: { value: '2019-01-01' } });
  expect(approved.status()).toBe(200);
});
