import { describe, expect, it } from 'vitest';
import { validateUscc } from '../../../src/domain/validation/uscc.ts';
import { fieldName, validatorRule } from './rules.ts';
import { issueText, KNOWN_ISSUE_CODES } from './validator-messages.ts';

const run = async (rule: ReturnType<typeof validatorRule>, value: unknown) => {
  const validator = (rule as { validator: (r: unknown, v: unknown) => Promise<void> }).validator;
  try {
    await validator({}, value);
    return null;
  } catch (e) {
    return (e as Error).message;
  }
};

describe('form rules from the shared validators', () => {
  it('refuses a bad credit code with the validator text in Chinese and the table text in English', async () => {
    expect(await run(validatorRule(validateUscc, 'zh-CN'), '91350100M000100Y4X')).toMatch(/统一社会信用代码|校验/);
    expect(await run(validatorRule(validateUscc, 'en-US'), '91350100M000100Y4X')).toMatch(/credit code/);
  });

  it('lets a valid value and an empty one pass (required is its own rule)', async () => {
    expect(await run(validatorRule(validateUscc, 'en-US'), '91350100M000100Y43')).toBeNull();
    expect(await run(validatorRule(validateUscc, 'en-US'), '')).toBeNull();
  });

  it('turns a finding path into an antd field name', () => {
    expect(fieldName('websites.0.responsiblePerson.mobile')).toEqual(['websites', 0, 'responsiblePerson', 'mobile']);
  });

  it('names an unknown code in English instead of showing Chinese', () => {
    expect(issueText({ code: 'NEW_CODE', message: '新规则' }, 'en-US')).toBe('Not valid (NEW_CODE)');
    expect(KNOWN_ISSUE_CODES.length).toBeGreaterThan(60);
  });
});
