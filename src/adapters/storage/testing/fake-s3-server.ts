import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

export type FakeS3 = {
  endpoint: string;
  bucket: string;
  objects: Map<string, { body: Buffer; contentType: string | undefined }>;
  /** Every request seen, for assertions about what the real SDK sent on the wire. */
  requests: Array<{ method: string; path: string; headers: IncomingMessage['headers'] }>;
  /** Answer the next n requests with 500 InternalError. */
  failNext(n: number): void;
  close(): Promise<void>;
};

const xmlError = (res: ServerResponse, status: number, code: string, message: string): void => {
  res.writeHead(status, { 'content-type': 'application/xml' });
  res.end(`<?xml version="1.0" encoding="UTF-8"?>\n<Error><Code>${code}</Code><Message>${message}</Message></Error>`);
};

/**
 * A tiny path-style S3 (`PUT/GET/DELETE /<bucket>/<key>`) on loopback, so the S3 adapter's real code and the
 * real SDK (signing, serialisation, error parsing) run in unit tests without Docker or network.
 */
export async function startFakeS3(bucket = 'beian-test'): Promise<FakeS3> {
  const objects: FakeS3['objects'] = new Map();
  const requests: FakeS3['requests'] = [];
  let failures = 0;

  const server = createServer(async (req, res) => {
    const url = new URL(req.url ?? '/', 'http://fake');
    requests.push({ method: req.method ?? '', path: url.pathname, headers: req.headers });
    const chunks: Buffer[] = [];
    for await (const chunk of req) chunks.push(chunk as Buffer);
    if (failures > 0) {
      failures -= 1;
      return xmlError(res, 500, 'InternalError', 'injected failure');
    }
    const [, bucketName, ...rest] = url.pathname.split('/');
    if (bucketName !== bucket) return xmlError(res, 404, 'NoSuchBucket', 'The specified bucket does not exist');
    const key = rest.map(decodeURIComponent).join('/');
    if (!req.headers.authorization?.startsWith('AWS4-HMAC-SHA256')) {
      return xmlError(res, 403, 'AccessDenied', 'missing SigV4 signature');
    }
    switch (req.method) {
      case 'PUT': {
        const ct = req.headers['content-type'];
        objects.set(key, { body: Buffer.concat(chunks), contentType: ct });
        res.writeHead(200, { etag: '"fake"' });
        return res.end();
      }
      case 'GET': {
        const found = objects.get(key);
        if (!found) return xmlError(res, 404, 'NoSuchKey', 'The specified key does not exist.');
        res.writeHead(200, {
          'content-type': found.contentType ?? 'application/octet-stream',
          'content-length': found.body.length,
        });
        return res.end(found.body);
      }
      case 'DELETE':
        objects.delete(key);
        res.writeHead(204);
        return res.end();
      default:
        return xmlError(res, 405, 'MethodNotAllowed', 'not supported by the fake');
    }
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;

  return {
    endpoint: `http://127.0.0.1:${port}`,
    bucket,
    objects,
    requests,
    failNext(n) {
      failures = n;
    },
    close: () =>
      new Promise<void>((resolve, reject) => {
        server.closeAllConnections();
        server.close((e) => (e ? reject(e) : resolve()));
      }),
  };
}
