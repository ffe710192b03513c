import { lookup as dnsLookup, type LookupAddress } from 'node:dns';
import http from 'node:http';
import https from 'node:https';
import { isIP } from 'node:net';
import { isPrivateAddress } from '../../domain/integrations/webhook-target.ts';
import type { WebhookSender } from '../../domain/ports/webhook-sender.ts';

const SNIPPET_BYTES = 512;

export class WebhookTargetRefused extends Error {}

/**
 * The real sender: node:http(s) with a DNS lookup that refuses private addresses at connect time, so the address
 * checked is the address used (no window for DNS rebinding between a check and fetch's own lookup). Redirects are
 * not followed; the answer is read up to a short snippet for the delivery log.
 */
export function createHttpWebhookSender(): WebhookSender {
  return {
    post: ({ url, headers, body, timeoutMs, allowPrivate }) =>
      new Promise((resolve, reject) => {
        const target = new URL(url);
        const host = target.hostname.replace(/^\[|\]$/g, '');
        if (!allowPrivate && isIP(host) && isPrivateAddress(host)) {
          reject(new WebhookTargetRefused(`refused private address ${host}`));
          return;
        }
        const guardedLookup = (
          hostname: string,
          options: { all?: boolean },
          callback: (err: NodeJS.ErrnoException | null, address: string | LookupAddress[], family?: number) => void,
        ) => {
          dnsLookup(hostname, { ...options, all: true }, (err, addresses) => {
            if (err) return callback(err, []);
            const list = addresses as LookupAddress[];
            const refused = allowPrivate ? undefined : list.find((a) => isPrivateAddress(a.address));
            if (refused) return callback(new WebhookTargetRefused(`refused private address ${refused.address}`), []);
            if (options.all) return callback(null, list);
            const first = list[0];
            if (!first) return callback(new Error(`no address for ${hostname}`), []);
            callback(null, first.address, first.family);
          });
        };
        const client = target.protocol === 'https:' ? https : http;
        const req = client.request(
          target,
          {
            method: 'POST',
            headers: { ...headers, 'content-type': 'application/json', 'content-length': Buffer.byteLength(body) },
            lookup: guardedLookup as never,
            // The whole exchange, not only socket idleness, must finish in time.
            signal: AbortSignal.timeout(timeoutMs),
          },
          (res) => {
            const chunks: Buffer[] = [];
            let size = 0;
            res.on('data', (chunk: Buffer) => {
              if (size < SNIPPET_BYTES) chunks.push(chunk);
              size += chunk.length;
            });
            res.on('end', () =>
              resolve({
                status: res.statusCode ?? 0,
                bodySnippet: Buffer.concat(chunks).toString('utf8').slice(0, 200),
              }),
            );
            res.on('error', reject);
          },
        );
        req.on('error', (e) =>
          reject(
            e.name === 'AbortError' || e.name === 'TimeoutError' ? new Error(`no answer within ${timeoutMs} ms`) : e,
          ),
        );
        req.end(body);
      }),
  };
}
