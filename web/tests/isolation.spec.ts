import { expect, test } from '@playwright/test';
import { applicationViaApi, newSignedInPage, newUscc } from './helpers';

test('an applicant cannot reach another organisation\'s application by URL', async ({ browser, request }) => {
  const owner = newUscc();
  const applicationId = await applicationViaApi(request, owner, `毕节甲单位${owner.slice(-4)}`);

  const other = await newSignedInPage(browser, 'applicant', newUscc(), `/my/${applicationId}`);
  await expect(other.getByText('未找到该申报')).toBeVisible();
  await expect(other.getByText(`毕节甲单位${owner.slice(-4)}`)).toHaveCount(0);
  // nor its documents, nor a staff page
  await other.goto(`/review/${applicationId}`);
  await expect(other.getByText('您的角色无权使用该页面')).toBeVisible();
});
