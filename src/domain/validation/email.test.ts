import { describe, expect, it } from 'vitest';
import { validateEmail } from './email.ts';

describe('e-mail addresses', () => {
  it.each([
    ['zhang.san@example.com', 'zhang.san@example.com'],
    ['Zhang.San@Example.COM', 'zhang.san@example.com'],
    ['  a+tag@mail.example.com.cn ', 'a+tag@mail.example.com.cn'],
    ['ｕｓｅｒ＠ｅｘａｍｐｌｅ．ｃｎ', 'user@example.cn'],
    ['user@例子.中国', 'user@xn--fsqu00a.xn--fiqs8s'],
    ["o'brien_1-2@qq.com", "o'brien_1-2@qq.com"],
    ['user@163.com', 'user@163.com'],
  ])('accepts %j as %s', (input, normalized) => {
    expect(validateEmail(input)).toMatchObject({ valid: true, normalized });
  });

  it.each([
    ['', 'EMAIL_EMPTY'],
    ['plainaddress', 'EMAIL_FORMAT'],
    ['@example.com', 'EMAIL_FORMAT'],
    ['user@', 'EMAIL_FORMAT'],
    ['.user@example.com', 'EMAIL_LOCAL_PART'],
    ['user.@example.com', 'EMAIL_LOCAL_PART'],
    ['us..er@example.com', 'EMAIL_LOCAL_PART'],
    ['us er@example.com', 'EMAIL_LOCAL_PART'],
    ['"quoted"@example.com', 'EMAIL_LOCAL_PART'],
    ['a@b@example.com', 'EMAIL_LOCAL_PART'],
    ['张三@example.com', 'EMAIL_LOCAL_PART'],
    [`${'a'.repeat(65)}@example.com`, 'EMAIL_LOCAL_PART'],
    ['user@localhost', 'EMAIL_DOMAIN'],
    ['user@[1.2.3.4]', 'EMAIL_DOMAIN'],
    ['user@1.2.3.4', 'EMAIL_DOMAIN'],
    ['user@exa_mple.com', 'EMAIL_DOMAIN'],
    ['user@-example.com', 'EMAIL_DOMAIN'],
    ['user@example..com', 'EMAIL_DOMAIN'],
    ['z@co.c', 'EMAIL_DOMAIN'], // one-letter TLD
    ['a@example.l33t', 'EMAIL_DOMAIN'], // digits in the TLD
    ['a@i❤.com', 'EMAIL_DOMAIN'], // IDNA2008 disallows symbols
    [`${'a'.repeat(64)}@${`${'b'.repeat(63)}.`.repeat(3)}com`, 'EMAIL_TOO_LONG'],
  ])('rejects %j with %s', (input, code) => {
    expect(validateEmail(input).errors.map((e) => e.code)).toEqual([code]);
  });

  it('names the TLD rule in the message', () => {
    expect(validateEmail('a@example.l33t').errors[0]?.message).toContain('顶级域名');
  });
});
