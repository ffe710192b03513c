import { describe, expect, it } from 'vitest';
import { authenticityPairs, groupMaterials, isPersonalDataPath, reviewStage } from './review-model.ts';

const mat = (id: string, kind: string, websiteIndex: number | null) => ({
  id,
  kind,
  websiteIndex,
  contentType: 'image/jpeg',
  byteSize: 1,
  validUntil: null,
  createdAt: '2026-01-01T00:00:00.000Z',
});

describe('review model', () => {
  it('knows the revealable personal-data paths', () => {
    expect(isPersonalDataPath('websites.0.responsiblePerson.mobile')).toBe(true);
    expect(isPersonalDataPath('subject.certificateNumber')).toBe(true);
    expect(isPersonalDataPath('websites.0.name')).toBe(false);
    expect(isPersonalDataPath('subject.responsiblePerson.idType')).toBe(false);
  });

  it('names the stage an order waits for', () => {
    expect(reviewStage({ state: 'pending_provider_review' })).toBe('provider');
    expect(reviewStage({ state: 'authenticity_under_review' })).toBe('authenticity');
    expect(reviewStage({ state: 'provider_rejected' })).toBeNull();
  });

  it('groups materials by reason path and pairs the curtain photo with the ID photo', () => {
    const materials = [mat('a', 'personal_id', null), mat('b', 'personal_id', null), mat('c', 'curtain_photo', 0)];
    expect(groupMaterials(materials).map((g) => [g.path, g.items.length])).toEqual([
      ['materials.personal_id', 2],
      ['websites.0.materials.curtain_photo', 1],
    ]);
    const [pair] = authenticityPairs({ materials, data: { websites: [{}] } as never });
    expect(pair!.verification.map((g) => g.kind)).toEqual(['curtain_photo']);
    expect(pair!.ids.map((g) => g.kind)).toEqual(['personal_id']);
  });
});
