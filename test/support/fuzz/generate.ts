/**
 * Request generator for the OpenAPI-driven fuzzer (issue 6 item 16), shared by the CI test (test/fuzz.int.test.ts)
 * and `npm run fuzz` (scripts/fuzz.ts). Deterministic: the same seed and the same OpenAPI document give the same
 * requests. Values are mostly plausible (so requests get past the first check) with hostile mutations mixed in.
 */

/** mulberry32: small, fast, good enough to pick cases; not for anything secret. */
export function createRng(seed: number) {
  let a = seed >>> 0;
  const next = () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  const int = (max: number) => Math.floor(next() * max);
  return {
    next,
    int,
    chance: (p: number) => next() < p,
    pick: <T>(items: readonly T[]): T => items[int(items.length)] as T,
  };
}
export type Rng = ReturnType<typeof createRng>;

type JsonSchema = {
  $ref?: string;
  type?: string | string[];
  enum?: unknown[];
  format?: string;
  pattern?: string;
  minLength?: number;
  maxLength?: number;
  minimum?: number;
  maximum?: number;
  minItems?: number;
  maxItems?: number;
  properties?: Record<string, JsonSchema>;
  required?: string[];
  items?: JsonSchema;
  anyOf?: JsonSchema[];
  oneOf?: JsonSchema[];
  allOf?: JsonSchema[];
  nullable?: boolean;
};

type OpenApiDoc = {
  paths: Record<string, Record<string, OpenApiOperation>>;
  components?: { schemas?: Record<string, JsonSchema> };
};
type OpenApiOperation = {
  parameters?: Array<{ in: 'path' | 'query' | 'header'; name: string; required?: boolean; schema?: JsonSchema }>;
  requestBody?: { content: Record<string, { schema?: JsonSchema }> };
};

export type Operation = {
  method: string;
  /** OpenAPI path template, e.g. /api/v1/applicant/orders/{id}. */
  path: string;
  params: NonNullable<OpenApiOperation['parameters']>;
  body: JsonSchema | undefined;
  multipart: boolean;
};

export function operationsOf(doc: OpenApiDoc, skip: (op: Operation) => boolean = () => false): Operation[] {
  const ops: Operation[] = [];
  for (const [path, byMethod] of Object.entries(doc.paths)) {
    for (const [method, op] of Object.entries(byMethod)) {
      const content = op.requestBody?.content ?? {};
      const operation: Operation = {
        method: method.toUpperCase(),
        path,
        params: op.parameters ?? [],
        body: content['application/json']?.schema,
        multipart: 'multipart/form-data' in content,
      };
      if (!skip(operation)) ops.push(operation);
    }
  }
  return ops;
}

/** Strings that broke, or could break, a layer: PostgreSQL, JSON, URL decoding, normalisation, bidi, logs. */
export const HOSTILE_STRINGS: readonly string[] = [
  '\u0000',
  'a\u0000b',
  '\u0001\u0007\u001b[31m',
  '\ud800',
  'x\udfffy',
  '\ud83d',
  '\u202eevil\u202c',
  'مرحبا بالعالم',
  'שלום',
  'ＡＢＣ１２３＠ｅｘａｍｐｌｅ．ｃｏｍ',
  '１１０１０５１９４９１２３１００２Ｘ',
  '王**',
  '𠀀𠀁😀',
  'e\u0301',
  '\ufeff',
  '\uffff\ufffe',
  '',
  ' ',
  '\t\r\n',
  "'; drop table orders; --",
  '%00',
  '%',
  '../../etc/passwd',
  '<script>alert(1)</script>',
  '$' + '{jndi:ldap://x}',
  '{{7*7}}',
  '__proto__',
  'constructor',
  'null',
  'NaN',
  '-0',
  '1e309',
  '9'.repeat(40),
  'xn--ab-tda.com',
  'a©b.com',
  '00000000-0000-0000-0000-000000000000',
];
const PROTO_KEYS = ['__proto__', 'constructor', 'prototype', 'toString', 'hasOwnProperty'];
const GARBAGE_IDS = [
  '00000000-0000-0000-0000-000000000000',
  'ffffffff-ffff-ffff-ffff-ffffffffffff',
  '%00',
  'a%00b',
  '%ED%A0%80',
  '%E0%A4%A',
  '%C0%AE%C0%AE',
  '..',
  '%2e%2e%2f',
  'null',
  'undefined',
  '-1',
  '0',
  '1e9',
  '__proto__',
  'constructor',
  '%F0%9F%98%80',
  '%D8%B4',
  '%EF%BC%A1',
  'x'.repeat(300),
  '%20',
  '%0A',
];

export type FuzzContext = { rng: Rng; ids: readonly string[]; doc: OpenApiDoc };

const resolve = (schema: JsonSchema, doc: OpenApiDoc): JsonSchema => {
  if (!schema.$ref) return schema;
  const name = schema.$ref.replace('#/components/schemas/', '');
  return doc.components?.schemas?.[name] ?? {};
};

const uuid = (rng: Rng) => 'xxxxxxxx-xxxx-4xxx-8xxx-xxxxxxxxxxxx'.replace(/x/g, () => rng.int(16).toString(16));

function hostile(rng: Rng, depth = 0): unknown {
  switch (rng.int(12)) {
    case 0:
      return rng.pick(HOSTILE_STRINGS);
    case 1:
      return rng.pick(HOSTILE_STRINGS).repeat(1 + rng.int(5000));
    case 2:
      return rng.pick([0, -1, 1.5, 2 ** 53, -(2 ** 63), 1e308, Number.MIN_VALUE]);
    case 3:
      return rng.pick([true, false, null]);
    case 4:
      return [];
    case 5:
      return {};
    case 6:
      return Array.from({ length: 1 + rng.int(2000) }, () => rng.int(10));
    case 7:
      return deep(50 + rng.int(2000), rng);
    case 8:
      return protoObject(rng, depth);
    case 9:
      return `${rng.pick(HOSTILE_STRINGS)}${rng.pick(HOSTILE_STRINGS)}`;
    case 10:
      return rng.pick(GARBAGE_IDS);
    default:
      return 'x'.repeat(rng.pick([255, 256, 1024, 65536, 900_000]));
  }
}

const deep = (levels: number, rng: Rng): unknown => {
  let value: unknown = rng.pick(HOSTILE_STRINGS);
  for (let i = 0; i < levels; i++) value = rng.chance(0.5) ? [value] : { a: value };
  return value;
};

/** A JSON text with prototype keys as own properties (JSON.parse keeps `__proto__` as a plain key). */
export const protoJson = (rng: Rng, base: Record<string, unknown> = {}): string => {
  const extra = PROTO_KEYS.slice(0, 1 + rng.int(PROTO_KEYS.length))
    .map((k) => `${JSON.stringify(k)}:${rng.chance(0.5) ? '{"isAdmin":true,"role":"admin"}' : '"x"'}`)
    .join(',');
  const text = JSON.stringify(base);
  return text === '{}' ? `{${extra}}` : `${text.slice(0, -1)},${extra}}`;
};

const protoObject = (rng: Rng, _depth: number): unknown => JSON.parse(protoJson(rng));

/** A value for `schema`: plausible most of the time, hostile with probability `p`. */
export function valueFor(schema: JsonSchema | undefined, f: FuzzContext, p = 0.15, depth = 0): unknown {
  const { rng } = f;
  if (!schema || depth > 12) return hostile(rng, depth);
  const s = resolve(schema, f.doc);
  if (rng.chance(p)) return hostile(rng, depth);
  const alternatives = s.anyOf ?? s.oneOf;
  if (alternatives?.length) return valueFor(rng.pick(alternatives), f, p, depth + 1);
  if (s.allOf?.length) return valueFor(s.allOf[0], f, p, depth + 1);
  if (s.enum?.length) return rng.pick(s.enum);
  const type = Array.isArray(s.type) ? rng.pick(s.type) : s.type;
  switch (type) {
    case 'string':
      return stringFor(s, f);
    case 'integer':
    case 'number': {
      const min = s.minimum ?? -1000;
      const max = Math.min(s.maximum ?? 1000, min + 1000);
      return rng.chance(0.8) ? min + rng.int(Math.max(1, max - min + 1)) : rng.pick([min - 1, max + 1, 0.5]);
    }
    case 'boolean':
      return rng.chance(0.5);
    case 'null':
      return null;
    case 'array': {
      const min = s.minItems ?? 0;
      const max = Math.min(s.maxItems ?? 5, min + 5);
      const length = rng.chance(0.9) ? min + rng.int(max - min + 1) : max + 1;
      return Array.from({ length }, () => valueFor(s.items, f, p, depth + 1));
    }
    case 'object':
    case undefined: {
      if (!s.properties) return rng.chance(0.5) ? {} : hostile(rng, depth);
      const out: Record<string, unknown> = {};
      for (const [key, prop] of Object.entries(s.properties)) {
        const required = s.required?.includes(key) ?? false;
        if (required ? rng.chance(0.97) : rng.chance(0.6)) out[key] = valueFor(prop, f, p, depth + 1);
      }
      if (rng.chance(0.05)) out[rng.pick(PROTO_KEYS)] = hostile(rng, depth);
      if (rng.chance(0.05)) out[`unknown${rng.int(9)}`] = 1;
      return out;
    }
    default:
      return hostile(rng, depth);
  }
}

function stringFor(s: JsonSchema, f: FuzzContext): string {
  const { rng } = f;
  switch (s.format) {
    case 'uuid':
      return rng.chance(0.5) && f.ids.length ? rng.pick(f.ids) : uuid(rng);
    case 'email':
      return `fuzz-${rng.int(1e9)}@example.com`;
    case 'date-time':
      return new Date(Date.UTC(2020 + rng.int(15), rng.int(12), 1 + rng.int(28))).toISOString();
    case 'ipv4':
      return `203.0.113.${rng.int(256)}`;
    case 'ipv6':
      return `2001:db8::${rng.int(65536).toString(16)}`;
  }
  if (s.pattern === '^\\d{4}-\\d{2}-\\d{2}$') return `20${10 + rng.int(30)}-0${1 + rng.int(9)}-1${rng.int(9)}`;
  const plausible = [
    'example.com',
    `fuzz${rng.int(1e6)}.cn`,
    '北京示例科技有限公司',
    '王小明',
    '110105194912310029',
    '91110000600037341L',
    '13800138000',
    '京ICP备12345678号',
    'beijing',
    'i-fuzz-01',
    'a',
  ];
  let value = rng.chance(0.7) ? rng.pick(plausible) : rng.pick(HOSTILE_STRINGS);
  if (s.maxLength !== undefined && rng.chance(0.9)) value = value.slice(0, s.maxLength);
  if (s.minLength !== undefined && value.length < s.minLength) value = value.padEnd(s.minLength, 'x');
  return value;
}

/** encodeURIComponent, except that a lone surrogate (which it refuses) goes out as its invalid UTF-8 bytes. */
const encode = (value: string): string =>
  Array.from(value, (ch) => (/^[\ud800-\udfff]$/.test(ch) ? '%ED%A0%80' : encodeURIComponent(ch))).join('');

/** Objects with own `toString`/`__proto__` keys cannot go through String(). */
const asText = (v: unknown): string => (typeof v === 'string' ? v : (JSON.stringify(v) ?? 'null'));

export type FuzzRequest = {
  method: string;
  url: string;
  headers: Record<string, string>;
  /** The raw body text, if any (JSON or deliberately not). */
  payload?: string;
};

const pathValue = (f: FuzzContext, schema: JsonSchema | undefined): string => {
  const { rng } = f;
  const roll = rng.next();
  if (roll < 0.4 && f.ids.length) return encode(rng.pick(f.ids));
  if (roll < 0.6) return encode(asText(valueFor(schema, f, 0)));
  if (roll < 0.75) return encode(rng.pick(HOSTILE_STRINGS));
  return rng.pick(GARBAGE_IDS);
};

/** One request for `op`; the role's cookie is added by the runner. */
export function requestFor(op: Operation, f: FuzzContext): FuzzRequest {
  const { rng } = f;
  let url = op.path;
  const query: string[] = [];
  const headers: Record<string, string> = {};
  for (const param of op.params) {
    if (param.in === 'path') {
      url = url.replace(`{${param.name}}`, pathValue(f, param.schema));
    } else if (param.in === 'query') {
      if (rng.chance(0.6)) {
        const v = valueFor(param.schema, f, 0.3);
        query.push(`${encode(param.name)}=${encode(asText(v))}`);
      }
    } else if (param.in === 'header' && rng.chance(0.5)) {
      const v = asText(valueFor(param.schema, f, 0.2));
      // Headers cannot carry control characters at all; Node refuses them before the app sees them.
      if (/^[\t\x20-\x7e\x80-\xff]*$/.test(v)) headers[param.name] = v.slice(0, 8000);
    }
  }
  if (rng.chance(0.05)) query.push(rng.pick(['a=%00', '__proto__[x]=1', 'constructor=1', '%ZZ=1', 'x=%ED%A0%80']));
  if (rng.chance(0.03)) query.push(`${'q'.repeat(3000)}=1`);
  if (query.length) url += `?${query.join('&')}`;

  if (op.multipart) return multipartFor(rng, url, headers);
  const wantsBody = op.body !== undefined || rng.chance(0.1);
  if (!wantsBody || (op.method === 'GET' && rng.chance(0.9))) return { method: op.method, url, headers };
  headers['content-type'] = rng.chance(0.95)
    ? 'application/json'
    : rng.pick(['text/plain', 'application/xml', 'application/json; charset=latin1', '']);
  return { method: op.method, url, headers, payload: bodyText(op.body, f) };
}

function bodyText(schema: JsonSchema | undefined, f: FuzzContext): string {
  const { rng } = f;
  const roll = rng.next();
  if (roll < 0.06)
    return rng.pick([
      '{',
      '{"a":',
      '[1,2',
      '{"a":1}}',
      "{'a':1}",
      'nul',
      '\u0000',
      '',
      ' ',
      '"\\ud800"',
      '{"a":"\\u0000"}',
      '{"a":1,"a":2}',
    ]);
  if (roll < 0.1) return JSON.stringify(hostile(rng));
  if (roll < 0.14) return protoJson(rng, (valueFor(schema, f, 0.05) ?? {}) as Record<string, unknown>);
  if (roll < 0.16) {
    // Built as text: JSON.stringify itself overflows the stack at this depth.
    const levels = 5000 + rng.int(20000);
    return rng.chance(0.5)
      ? `${'['.repeat(levels)}1${']'.repeat(levels)}`
      : `${'{"a":'.repeat(levels)}1${'}'.repeat(levels)}`;
  }
  const value = valueFor(schema, f, roll < 0.5 ? 0.02 : 0.2);
  return JSON.stringify(value) ?? 'null';
}

function multipartFor(rng: Rng, url: string, headers: Record<string, string>): FuzzRequest {
  const boundary = `fuzz${rng.int(1e9)}`;
  const field = (name: string, value: string) =>
    `--${boundary}\r\ncontent-disposition: form-data; name="${name}"\r\n\r\n${value}\r\n`;
  const parts = [
    rng.chance(0.8)
      ? field('kind', rng.pick(['curtain_photo', 'e_verify_video', 'subject_certificate', ...HOSTILE_STRINGS]))
      : '',
    rng.chance(0.3) ? field('websiteIndex', rng.pick(['0', '-1', '1e9', 'x', '\u0000'])) : '',
    rng.chance(0.3)
      ? field('validUntil', rng.pick(['2030-01-01', '2030-13-45', '\u0000', 'long_term', 'x'.repeat(500)]))
      : '',
    rng.chance(0.8)
      ? `--${boundary}\r\ncontent-disposition: form-data; name="file"; filename="${rng.pick(['a.jpg', 'a%00.mp4', '../x'])}"\r\ncontent-type: image/jpeg\r\n\r\n${rng.pick(['\xff\xd8\xff\xe0', '\x00\x00\x00\x18ftypisom', 'GIF89a', 'x'.repeat(100)])}\r\n`
      : '',
  ];
  const closing = rng.chance(0.9) ? `--${boundary}--\r\n` : '';
  return {
    method: 'POST',
    url,
    headers: { ...headers, 'content-type': `multipart/form-data; boundary=${boundary}` },
    payload: parts.join('') + closing,
  };
}
