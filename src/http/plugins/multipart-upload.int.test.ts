import { createHash } from 'node:crypto';
import { Agent, request } from 'node:http';
import type { AddressInfo } from 'node:net';
import Fastify, { type FastifyInstance } from 'fastify';
import { serializerCompiler, validatorCompiler, type ZodTypeProvider } from 'fastify-type-provider-zod';
import { afterEach, describe, expect, it } from 'vitest';
import { processImageUpload } from '../../adapters/images/process-upload.ts';
import { makeJpeg, makePng } from '../../adapters/images/testing/image-fixtures.ts';
import { newObjectKey } from '../../adapters/storage/object-key.ts';
import { createMemoryObjectStore, type MemoryObjectStore } from '../../adapters/storage/object-store.memory.ts';
import { installErrorHandler } from '../error-handler.ts';
import { readSingleUpload, registerMultipart } from './multipart-upload.ts';

const UUID_KEY = /^materials\/[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[0-9a-f]{4}-[0-9a-f]{12}$/;

/** A minimal app: one upload route in an encapsulated scope, piping readSingleUpload → processImageUpload → store. */
async function buildUploadApp(opts: { multipartMax?: number; processMax?: number } = {}) {
  const { multipartMax = 512 * 1024, processMax = 512 * 1024 } = opts;
  const store = createMemoryObjectStore();
  const app = Fastify().withTypeProvider<ZodTypeProvider>();
  app.setValidatorCompiler(validatorCompiler);
  app.setSerializerCompiler(serializerCompiler);
  installErrorHandler(app);
  await app.register(
    async (scope) => {
      await registerMultipart(scope, { maxBytes: multipartMax });
      scope.post('/materials', async (request) => {
        const upload = await readSingleUpload(request);
        const image = await processImageUpload(upload.file, { maxBytes: processMax, maxPixels: 40_000_000 });
        const key = newObjectKey('materials');
        await store.put(key, image.bytes, image.contentType);
        const { width, height, sha256, contentType, detectedType } = image;
        return { key, width, height, sha256, contentType, detectedType, fields: upload.fields };
      });
    },
    { prefix: '/api/v1/applicant' },
  );
  app.post('/api/v1/public/echo', async () => ({ ok: true }));
  await app.ready();
  return { app, store };
}

type Part = { name: string; value: string } | { name: string; filename: string; contentType: string; data: Buffer };

/** Hand-built multipart/form-data body, so tests control part order, names and raw bytes exactly. */
function multipart(
  parts: Part[],
  boundary = `----beian${createHash('sha1').update(String(Math.random())).digest('hex')}`,
) {
  const chunks: Buffer[] = [];
  for (const part of parts) {
    chunks.push(Buffer.from(`--${boundary}\r\n`));
    if ('value' in part) {
      chunks.push(Buffer.from(`Content-Disposition: form-data; name="${part.name}"\r\n\r\n${part.value}\r\n`));
    } else {
      chunks.push(
        Buffer.from(
          `Content-Disposition: form-data; name="${part.name}"; filename="${part.filename}"\r\nContent-Type: ${part.contentType}\r\n\r\n`,
        ),
        part.data,
        Buffer.from('\r\n'),
      );
    }
  }
  chunks.push(Buffer.from(`--${boundary}--\r\n`));
  return { payload: Buffer.concat(chunks), headers: { 'content-type': `multipart/form-data; boundary=${boundary}` } };
}

/** node:http POST through a given agent, reporting whether the keep-alive socket was reused. */
function rawPost(agent: Agent, port: number, body: { payload: Buffer; headers: Record<string, string> }) {
  return new Promise<{ status: number; reusedSocket: boolean }>((resolve, reject) => {
    const req = request(
      { agent, port, host: '127.0.0.1', method: 'POST', path: '/api/v1/applicant/materials', headers: body.headers },
      (res) => {
        res.resume();
        res.on('end', () => resolve({ status: res.statusCode ?? 0, reusedSocket: req.reusedSocket }));
      },
    );
    req.on('error', reject);
    req.end(body.payload);
  });
}

const post = (app: FastifyInstance, parts: Part[]) =>
  app.inject({ method: 'POST', url: '/api/v1/applicant/materials', ...multipart(parts) });

const file = (data: Buffer, filename = 'id-front.jpg', contentType = 'image/jpeg'): Part => ({
  name: 'file',
  filename,
  contentType,
  data,
});

describe('multipart upload route', () => {
  let current: { app: FastifyInstance; store: MemoryObjectStore } | undefined;
  const build = async (opts?: Parameters<typeof buildUploadApp>[0]) => {
    current = await buildUploadApp(opts);
    return current;
  };
  afterEach(async () => {
    await current?.app.close();
    current = undefined;
  });

  it('stores a valid JPEG and answers with its size and hash', async () => {
    const { app, store } = await build();
    const res = await post(app, [
      { name: 'kind', value: 'personal_id' },
      file(await makeJpeg({ width: 120, height: 80 })),
    ]);
    expect(res.statusCode).toBe(200);
    const body = res.json();
    expect(body).toMatchObject({ width: 120, height: 80, contentType: 'image/jpeg', fields: { kind: 'personal_id' } });
    expect(body.key).toMatch(UUID_KEY);
    const stored = Buffer.from((await store.get(body.key))!);
    expect(body.sha256).toBe(createHash('sha256').update(stored).digest('hex'));
  });

  it('asvs-5.2.1 cuts off a file above the multipart limit with 413 MATERIAL_TOO_LARGE', async () => {
    const { app, store } = await build({ multipartMax: 64 * 1024, processMax: 10 * 1024 * 1024 });
    const big = Buffer.concat([await makeJpeg(), Buffer.alloc(300 * 1024)]);
    const res = await post(app, [file(big)]);
    expect(res.statusCode).toBe(413);
    expect(res.json().code).toBe('MATERIAL_TOO_LARGE');
    expect(store.keys()).toEqual([]);
  });

  it('asvs-5.2.1 over a real socket, a 6 MB upload against a 64 KiB cap gets 413 and the server still closes', async () => {
    const { app, store } = await build({ multipartMax: 64 * 1024, processMax: 64 * 1024 });
    const address = await app.listen({ port: 0, host: '127.0.0.1' });
    const { payload, headers } = multipart([file(Buffer.concat([await makeJpeg(), Buffer.alloc(6 * 1024 * 1024)]))]);
    const res = await fetch(`${address}/api/v1/applicant/materials`, { method: 'POST', headers, body: payload });
    expect(res.status).toBe(413);
    expect(((await res.json()) as { code: string }).code).toBe('MATERIAL_TOO_LARGE');
    expect(store.keys()).toEqual([]);
    // afterEach's app.close() would hang if the half-read connection were left open.
  });

  it('drains a slightly oversized body so the keep-alive connection is reused', async () => {
    const { app } = await build({ multipartMax: 64 * 1024, processMax: 64 * 1024 });
    await app.listen({ port: 0, host: '127.0.0.1' });
    const { port } = app.server.address() as AddressInfo;
    const agent = new Agent({ keepAlive: true, maxSockets: 1 });
    try {
      const first = await rawPost(
        agent,
        port,
        multipart([file(Buffer.concat([await makeJpeg(), Buffer.alloc(150 * 1024)]))]),
      );
      expect(first.status).toBe(413);
      const second = await rawPost(agent, port, multipart([file(await makeJpeg())]));
      expect(second).toMatchObject({ status: 200, reusedSocket: true });
    } finally {
      agent.destroy();
    }
  });

  it('asvs-5.2.1 the streaming cap in processImageUpload also answers 413', async () => {
    const { app, store } = await build({ multipartMax: 10 * 1024 * 1024, processMax: 64 * 1024 });
    const res = await post(app, [file(Buffer.concat([await makeJpeg(), Buffer.alloc(300 * 1024)]))]);
    expect(res.statusCode).toBe(413);
    expect(res.json().code).toBe('MATERIAL_TOO_LARGE');
    expect(store.keys()).toEqual([]);
  });

  it('asvs-5.2.2 refuses a text file dressed as a JPEG with 415 MATERIAL_TYPE_NOT_ALLOWED', async () => {
    const { app, store } = await build();
    const res = await post(app, [file(Buffer.from('GIF? no. just text.\n'.repeat(20)), 'scan.jpg', 'image/jpeg')]);
    expect(res.statusCode).toBe(415);
    expect(res.json().code).toBe('MATERIAL_TYPE_NOT_ALLOWED');
    expect(store.keys()).toEqual([]);
  });

  it('asvs-5.2.2 takes the type from the bytes: a PNG named photo.jpg is stored as PNG', async () => {
    const { app } = await build();
    const res = await post(app, [file(await makePng({ alpha: true }), 'photo.jpg', 'image/jpeg')]);
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({ detectedType: 'image/png', contentType: 'image/png' });
  });

  it.each(['../../etc/passwd', '..\\..\\windows\\win.ini', '/etc/passwd', 'a\u0000.jpg'])(
    'asvs-5.3.2 a file named %j lands only under a server-generated key',
    async (filename) => {
      const { app, store } = await build();
      const res = await post(app, [file(await makeJpeg(), filename)]);
      expect(res.statusCode).toBe(200);
      expect(store.keys()).toEqual([res.json().key]);
      expect(store.keys()[0]).toMatch(UUID_KEY);
    },
  );

  it('ignores fields sent after the file part (fields must come first)', async () => {
    const { app } = await build();
    const res = await post(app, [
      { name: 'before', value: '1' },
      file(await makeJpeg()),
      { name: 'after', value: '2' },
    ]);
    expect(res.statusCode).toBe(200);
    expect(res.json().fields).toEqual({ before: '1' });
  });

  it('answers 400 VALIDATION_FAILED when there is no file part', async () => {
    const { app } = await build();
    const res = await post(app, [{ name: 'kind', value: 'personal_id' }]);
    expect(res.statusCode).toBe(400);
    expect(res.json()).toMatchObject({ code: 'VALIDATION_FAILED', details: { issues: [{ field: 'file' }] } });
  });

  it('accepts exactly 10 fields', async () => {
    const { app } = await build();
    const fields = Array.from({ length: 10 }, (_, i) => ({ name: `f${i}`, value: 'v' }));
    const res = await post(app, [...fields, file(await makeJpeg())]);
    expect(res.statusCode).toBe(200);
    expect(Object.keys(res.json().fields)).toHaveLength(10);
  });

  it.each([
    ['a field over 1 KiB', [{ name: 'note', value: 'x'.repeat(1025) }]],
    [
      'a repeated field',
      [
        { name: 'kind', value: 'a' },
        { name: 'kind', value: 'b' },
      ],
    ],
    ['11 fields', Array.from({ length: 11 }, (_, i) => ({ name: `f${i}`, value: 'v' }))],
    ['40 fields', Array.from({ length: 40 }, (_, i) => ({ name: `f${i}`, value: 'v' }))],
  ])('answers 400 VALIDATION_FAILED for %s', async (_name, fields) => {
    const { app, store } = await build();
    const res = await post(app, [...fields, file(await makeJpeg())]);
    expect(res.statusCode).toBe(400);
    expect(res.json().code).toBe('VALIDATION_FAILED');
    expect(store.keys()).toEqual([]);
  });

  it('answers 400 for a body that is not multipart or is cut short', async () => {
    const { app } = await build();
    const json = await app.inject({ method: 'POST', url: '/api/v1/applicant/materials', payload: { file: 'x' } });
    expect(json.statusCode).toBe(400);
    const { payload, headers } = multipart([file(await makeJpeg())]);
    const cut = await app.inject({
      method: 'POST',
      url: '/api/v1/applicant/materials',
      headers,
      payload: payload.subarray(0, payload.length - 200),
    });
    expect(cut.statusCode).toBe(400);
    expect(cut.json().code).toBe('VALIDATION_FAILED');
  });

  it('keeps multipart out of the root scope', async () => {
    const { app } = await build();
    expect(app.hasContentTypeParser('multipart/form-data')).toBe(false);
    const res = await app.inject({
      method: 'POST',
      url: '/api/v1/public/echo',
      ...multipart([file(await makeJpeg())]),
    });
    expect(res.statusCode).toBe(415);
  });
});
