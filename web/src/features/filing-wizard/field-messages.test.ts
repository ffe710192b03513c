import { describe, expect, it } from 'vitest';
import { ApiError } from '../../api/client.ts';
import { fieldNoteOfError } from './field-messages.ts';

describe('a refusal naming a field', () => {
  it('becomes a blocking note on that field, in both languages from the catalogue', () => {
    const e = new ApiError(409, 'AUTH_CODE_RESOURCE_GONE', 'x', {
      websiteIndex: 0,
      field: 'websites.0.authorizationCode',
      reason: 'released',
    });
    const note = fieldNoteOfError(e);
    expect(note).toMatchObject({ field: 'websites.0.authorizationCode', severity: 'block' });
    expect(note?.message).toMatchObject({
      zhCN: expect.stringContaining('云服务器已释放或已到期'),
      enUS: expect.stringContaining('released or has expired'),
    });
  });

  it('is no note when the error names no field, or is not from the API', () => {
    expect(fieldNoteOfError(new ApiError(409, 'ORDER_VERSION_CONFLICT', 'x'))).toBeNull();
    expect(fieldNoteOfError(new ApiError(409, 'AUTH_CODE_IN_USE', 'x', { field: 3 }))).toBeNull();
    expect(fieldNoteOfError(new Error('boom'))).toBeNull();
  });
});
