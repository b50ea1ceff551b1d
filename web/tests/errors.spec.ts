import { expect, test } from '@playwright/test';
import { choose, fillProfile, newUscc, signIn } from './helpers';

// Errors people can act on: the API's reason in Chinese, field problems next to their field, a 503 that keeps the form.
test('applying before the profile exists says what to do first', async ({ page }) => {
  await signIn(page, 'applicant', newUscc(), '/apply');
  await choose(page, '认定类型', '众创空间');
  await page.getByRole('radio', { name: '市级' }).check({ force: true });
  await page.getByRole('button', { name: '下一步' }).click();
  await page.getByLabel('企业或平台名称').fill('毕节测试众创空间');
  await page.getByLabel('证书编号').fill('BJ-ZC-2026-001');
  await page.getByRole('combobox', { name: '发证日期' }).fill('2026-10-20');
  await page.keyboard.press('Enter');
  await page.getByRole('button', { name: '下一步' }).click();
  await page.getByRole('button', { name: '提交申报' }).click();
  await expect(page.getByRole('alert').filter({ hasText: '请先填写单位资料' })).toBeVisible();
  await expect(page.getByText('请核对申报内容')).toBeVisible(); // still on the form, nothing lost
});

test('a 503 says the service is briefly unavailable and the form keeps what was typed, across a reload', async ({ page }) => {
  await signIn(page, 'applicant', newUscc(), '/org');
  await page.route('**/api/organizations/*', (route) => (route.request().method() === 'PUT'
    ? route.fulfill({ status: 503, contentType: 'application/json', body: '{"message":"Service Unavailable"}' })
    : route.fallback()));
  await fillProfile(page, '毕节暂不可用测试有限公司', 'unavailable@example.com');
  await page.getByRole('button', { name: '保存单位信息' }).click();
  await expect(page.getByRole('alert').filter({ hasText: '服务暂时不可用' })).toBeVisible();
  await expect(page.getByLabel('单位名称')).toHaveValue('毕节暂不可用测试有限公司');
  await page.reload();
  await expect(page.getByLabel('单位名称')).toHaveValue('毕节暂不可用测试有限公司');
  await expect(page.getByLabel('联系邮箱（接收提醒）')).toHaveValue('unavailable@example.com');
});

test('a field problem from the API is shown in Chinese under its field', async ({ page }) => {
  await signIn(page, 'applicant', newUscc(), '/org');
  await page.route('**/api/organizations/*', (route) => (route.request().method() === 'PUT'
    ? route.fulfill({ status: 400, contentType: 'application/json', body: JSON.stringify({ error: {
      code: 'VALIDATION_FAILED', message: '请求参数有误 (invalid request): contactEmail',
      details: [{ field: 'contactEmail', problem: '邮箱格式不正确 (not an e-mail address)' }] } }) })
    : route.fallback()));
  await fillProfile(page, '毕节字段错误测试有限公司', 'someone@example.com');
  await page.getByRole('button', { name: '保存单位信息' }).click();
  const field = page.locator('.el-form-item').filter({ has: page.getByLabel('联系邮箱（接收提醒）') });
  await expect(field.locator('.el-form-item__error')).toHaveText('邮箱格式不正确');
  await expect(page.getByRole('alert').filter({ hasText: '填写的内容有误，请按提示修改' })).toBeVisible();
});
