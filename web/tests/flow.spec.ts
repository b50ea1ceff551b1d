import { expect, test } from '@playwright/test';
import { readFile } from 'node:fs/promises';
import { choose, closeNotice, fillProfile, newSignedInPage, newUscc, pdfBytes } from './helpers';

// The whole path through the console, each role in its own browser context, against the local stack.
test('applicant applies with a PDF → staff download the same bytes and certify → 公示 → finance pay → the public count grows',
  async ({ browser, request }) => {
    const uscc = newUscc();
    const name = `毕节测试新材料有限公司${uscc.slice(-4)}`;
    const before = await publicCount(request);

    // applicant: the profile, then the step-by-step application with the policy's amount shown before submitting
    const applicant = await newSignedInPage(browser, 'applicant', uscc, '/org');
    await fillProfile(applicant, name, 'contact@example.com');
    await applicant.getByRole('button', { name: '保存单位信息' }).click();
    await expect(applicant.getByText('单位信息已保存')).toBeVisible();

    await applicant.getByRole('link', { name: '新建申报' }).click();
    await choose(applicant, '认定类型', '高新技术企业');
    await expect(applicant.getByTestId('expectation')).toContainText('100,000 元');
    await applicant.getByRole('button', { name: '下一步' }).click();
    await applicant.getByLabel('企业或平台名称').fill(name);
    await applicant.getByLabel('证书编号').fill(`GR2026${uscc.slice(-6)}`);
    await applicant.getByRole('combobox', { name: '发证日期' }).fill('2026-10-20');
    await applicant.keyboard.press('Enter');
    await applicant.getByRole('button', { name: '下一步' }).click();
    await expect(applicant.getByText('请核对申报内容')).toBeVisible();
    await expect(applicant.getByTestId('expectation')).toContainText('100,000 元');
    await applicant.getByRole('button', { name: '提交申报' }).click();
    await applicant.waitForURL(/\/my\/[A-Za-z0-9_-]+$/);
    const applicationId = applicant.url().split('/').pop()!;
    await expect(applicant.getByText('已提交，待审核').first()).toBeVisible();

    const pdf = pdfBytes(`certificate ${uscc}`);
    await applicant.getByLabel('文件（PDF、JPEG、PNG）').setInputFiles({ name: '高新技术企业证书.pdf', mimeType: 'application/pdf', buffer: pdf });
    await applicant.getByRole('button', { name: '上传', exact: true }).click();
    await expect(applicant.getByText('高新技术企业证书.pdf 已上传')).toBeVisible();
    await expect(applicant.getByRole('button', { name: '下载' })).toBeVisible();

    // staff: the queue, the application, the same bytes downloaded, the decision
    const staff = await newSignedInPage(browser, 'staff', undefined, '/review');
    await staff.getByRole('link', { name }).click();
    await staff.waitForURL(`**/review/${applicationId}`);
    const [download] = await Promise.all([staff.waitForEvent('download'), staff.getByRole('button', { name: '下载' }).click()]);
    expect(Buffer.compare(await readFile((await download.path())!), pdf)).toBe(0);
    await staff.getByRole('button', { name: '审核决定' }).click();
    await expect(staff.getByRole('dialog')).toContainText('100,000 元');
    await staff.getByRole('button', { name: '确认' }).click();
    await expect(staff.getByText('审核决定已保存')).toBeVisible();
    await expect(staff.getByText('已认定').first()).toBeVisible();
    expect((await request.post('/local/streams/drain')).ok()).toBe(true); // the subsidy is made from the table's stream

    // the applicant sees the subsidy, awaiting its public notice
    await applicant.goto('/my-subsidies');
    await expect(applicant.getByRole('row', { name: /100,000 元/ })).toContainText('待公示');

    // staff open a 公示 of it; the daily close the day after its last working day makes it payable
    await staff.getByRole('link', { name: '公示管理' }).click();
    await staff.getByRole('row', { name: new RegExp(uscc) }).locator('.el-checkbox').click();
    await expect(staff.getByRole('checkbox', { name: `选择 ${uscc}` })).toBeChecked();
    await expect(staff.getByText('已选 1 项')).toBeVisible();
    await staff.getByLabel('公示标题').fill(`补助拨付前公示 ${uscc.slice(-4)}`);
    await staff.getByRole('button', { name: '发布公示' }).click();
    await expect(staff.getByText('公示已发布')).toBeVisible();
    await staff.waitForURL(/\/notice-desk\/[A-Za-z0-9_-]+$/);
    await expect(staff.getByRole('row', { name: new RegExp(name) })).toContainText('100,000 元');
    await closeNotice(request, staff.url().split('/').pop()!);
    await staff.reload();
    await expect(staff.getByRole('row', { name: new RegExp(name) })).toContainText('待拨付');

    // finance: awaiting payment → paid
    const finance = await newSignedInPage(browser, 'finance', undefined, '/payments');
    const row = finance.getByRole('row', { name: new RegExp(uscc) });
    await expect(row).toContainText('100,000 元');
    await row.getByRole('button', { name: '登记拨付' }).click();
    await finance.getByLabel('凭证号').fill(`BJCZ-${uscc.slice(-6)}`);
    await finance.getByRole('button', { name: '确认拨付' }).click();
    await expect(finance.getByText('已登记拨付')).toBeVisible();
    await choose(finance, '按补助状态筛选', '已拨付');
    await expect(finance.getByRole('row', { name: new RegExp(uscc) })).toContainText(`BJCZ-${uscc.slice(-6)}`);

    // public: the progress page counts the new high-tech enterprise
    const visitor = await browser.newPage();
    await visitor.goto('/progress');
    await expect(visitor.getByTestId('actual-HIGH_TECH_ENTERPRISE')).toHaveText(String(before + 1));
  });

async function publicCount(request: import('@playwright/test').APIRequestContext): Promise<number> {
  const indicators = await (await request.get('/api/indicators')).json();
  return indicators.indicators.find((i: { id: string }) => i.id === 'HIGH_TECH_ENTERPRISE').actual as number;
}
