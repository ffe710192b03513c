export const codeKeys = { codes: ['authorization-codes'] as const, resources: ['resources'] as const };
