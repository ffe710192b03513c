import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { injectJson, type LoggedIn } from '../../../test/support/http.ts';
import { api, getOrder, newApplicant, preparedFirstFiling } from '../../../test/support/journey.ts';
import { createTestPlatform, type TestPlatform } from '../../../test/support/platform.ts';

/** An applicant removes a material while the order takes uploads of it; the pre-check asks for the slot again. */
let p: TestPlatform;
beforeAll(async () => {
  p = await createTestPlatform({ regulator: 'in_process' });
});
afterAll(async () => p?.close());

const preparedOrder = async () => {
  const { applicant: a, id } = await preparedFirstFiling(p, 'remove');
  return { a, id };
};
const remove = (who: LoggedIn, orderId: string, materialId: string) =>
  injectJson(p.app, {
    method: 'DELETE',
    url: `/api/v1/applicant/orders/${orderId}/materials/${materialId}`,
    cookie: who.cookie,
  });

describe('removing a material', () => {
  it('takes it off the order and out of the pre-check, audited; a second removal is not found', async () => {
    const { a, id } = await preparedOrder();
    const before = await getOrder(p, a, id);
    expect(before.precheck?.missingMaterials).toEqual([]);
    const material = before.materials[0]!;
    const res = await remove(a, id, material.id);
    expect(res.statusCode, res.body).toBe(204);
    const after = await getOrder(p, a, id);
    expect(after.materials.map((m) => m.id)).not.toContain(material.id);
    expect(after.precheck?.missingMaterials).toEqual([
      expect.objectContaining({ kind: material.kind, ...(material.websiteIndex !== null && { websiteIndex: 0 }) }),
    ]);
    const row = await p.ctx.db
      .selectFrom('materials')
      .select('status')
      .where('id', '=', material.id)
      .executeTakeFirst();
    expect(row?.status).toBe('removed');
    const audit = await p.ctx.db
      .selectFrom('audit_log')
      .select(['order_id', 'details'])
      .where('action', '=', 'material.removed')
      .where('order_id', '=', id)
      .execute();
    expect(audit).toEqual([
      { order_id: id, details: { materialId: material.id, kind: material.kind, websiteIndex: material.websiteIndex } },
    ]);
    expect((await remove(a, id, material.id)).statusCode).toBe(404);
  });

  it('is refused once the order is submitted, and for another account’s order', async () => {
    const { a, id } = await preparedOrder();
    const { materials } = await getOrder(p, a, id);
    const other = await newApplicant(p);
    expect((await remove(other, id, materials[0]!.id)).statusCode).toBe(404);
    await api(p, a, 'POST', `/api/v1/applicant/orders/${id}/submit`, {});
    const res = await remove(a, id, materials[0]!.id);
    expect(res.statusCode, res.body).toBe(409);
    expect(res.json()).toMatchObject({
      code: 'ORDER_TRANSITION_NOT_ALLOWED',
      details: { action: 'remove_material', state: 'pending_provider_review' },
    });
    expect((await getOrder(p, a, id)).materials).toHaveLength(materials.length);
  });
});
