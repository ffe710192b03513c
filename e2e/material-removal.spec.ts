import { captureEverywhere, expect, test } from './fixtures.ts';
import { preparedDraft, upload } from './staff-support.ts';

/**
 * Materials can be removed while the order takes uploads: one the filing no longer needs is listed apart (it would
 * go to the review with the rest), and a required one removed is asked for again.
 */
test('materials: one no longer needed is listed and removed; a required one removed is asked for again', async ({
  page,
}) => {
  const draft = await preparedDraft(page, 'removal');
  // A business licence on an individual's filing: uploaded by mistake, or left from before the subject changed.
  await upload(page, draft.id, { kind: 'subject_cert', validUntil: '2036-01-01' });

  await page.goto(`/orders/${draft.id}/edit?step=materials`);
  const notNeeded = page.getByRole('region', { name: '不再需要的资料（1）' });
  await expect(notNeeded).toBeVisible();
  await expect(notNeeded.getByText('提交时会一并交给审核')).toBeVisible();
  await captureEverywhere(page, 'materials-not-needed');

  await notNeeded.getByRole('button', { name: /^删除/ }).click();
  await page.getByRole('button', { name: '删除', exact: true }).last().click();
  await expect(page.getByText(/^已删除：/)).toBeVisible();
  await expect(page.getByRole('region', { name: /不再需要的资料/ })).toHaveCount(0);

  const progress = page.getByText(/^已上传 \d+\/\d+ 项$/);
  const [done, total] = ((await progress.textContent()) ?? '').match(/\d+/g)!.map(Number);
  expect(done).toBe(total);
  await page
    .getByRole('button', { name: /^删除: / })
    .first()
    .click();
  await page.getByRole('button', { name: '删除', exact: true }).last().click();
  await expect(page.getByText(`已上传 ${done! - 1}/${total} 项`)).toBeVisible();
  await expect(page.getByText('所需资料已全部上传')).toHaveCount(0);
});
