/** MIIT's SMS verification limits (domain.md §6.1, §3.5): at most 2 resends; 5 wrong certificate numbers fail it. */
export const MIIT_SMS_MAX_RESENDS = 2;
export const MIIT_SMS_MAX_WRONG_ATTEMPTS = 5;
/** Where responsible persons verify in production. */
export const MIIT_SMS_VERIFICATION_URL = 'https://beian.miit.gov.cn/';
