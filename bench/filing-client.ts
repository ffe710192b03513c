import { randomInt } from 'node:crypto';
import sharp from 'sharp';
import { totpCodeAt } from '../src/adapters/auth/totp.ts';
import { BeianClient } from '../src/client/index.ts';
import { demoTotpSecret } from '../src/seed/demo-totp-secrets.ts';

/**
 * A complete first filing driven only through the platform's HTTP API and the simulator's HTTP API, the way an
 * integration partner or a tester with curl would do it. Used by the benchmark and by `npm run demo:filing`.
 */
type Json = Record<string, any>;

export class HttpError extends Error {}

/** A signed-in actor: the typed API client holding its session. */
export type Session = BeianClient;

/**
 * The platform's API through the typed client (src/client); `login` signs demo staff in with a code of their
 * published development TOTP secret.
 */
export function createHttp(base: string) {
  const login = async (email: string, password: string): Promise<Session> => {
    const client = new BeianClient({ baseUrl: base });
    const secret = demoTotpSecret(email);
    await client.login(email, password, secret ? () => totpCodeAt(secret, new Date()) : undefined);
    return client;
  };
  /** A session signed in elsewhere (a browser test's staff sign-in). */
  const fromCookie = (cookie: string): Session => new BeianClient({ baseUrl: base, sessionCookie: cookie });
  return { login, fromCookie };
}

/** The simulator service's own API (not the platform's): plain fetch. */
function createSimulatorHttp(base: string) {
  return async (method: string, path: string, body?: unknown): Promise<Json> => {
    const res = await fetch(`${base}${path}`, {
      method,
      ...(body !== undefined && { headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) }),
    });
    const text = await res.text();
    if (!res.ok) throw new HttpError(`${method} ${path} → ${res.status}: ${text.slice(0, 300)}`);
    return (text ? JSON.parse(text) : {}) as Json;
  };
}

const residentId = (): string => {
  const body = `110105${1970 + randomInt(0, 30)}0${randomInt(1, 9)}1${randomInt(0, 9)}${randomInt(100, 999)}`;
  const w = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
  return body + '10X98765432'[w.reduce((s, x, i) => s + x * Number(body[i]), 0) % 11];
};
const mobile = () => `139${randomInt(10_000_000, 99_999_999)}`;

let imageCache: Buffer | undefined;
const scan = async () => {
  imageCache ??= await sharp({ create: { width: 320, height: 200, channels: 3, background: '#8ab' } })
    .jpeg()
    .toBuffer();
  return imageCache;
};

export type FilingActors = {
  admin: Session;
  reviewer: Session;
  manualAdminDecision: boolean;
  /** Base of the regulator simulator's API: the service URL, or `<platform>/sim` for the in-process one. */
  simulatorUrl: string;
};

/** Runs one first filing from a new account to its numbers; returns the numbers and the order id. */
export async function completeFirstFiling(base: string, actors: FilingActors) {
  const http = createHttp(base);
  const sim = createSimulatorHttp(actors.simulatorUrl);
  const tag = `${Date.now().toString(36)}${randomInt(1e6).toString(36)}`;
  const email = `bench-${tag}@example.cn`;
  const password = `Bench-Password-${tag}`;
  // Admin tools are not in the client's table: its untyped `request`, same auth and errors.
  const user = (await actors.admin.request('POST', '/api/v1/admin/users', {
    json: { email, password, role: 'applicant', displayName: `压测用户${tag}`, realNameVerified: true },
  })) as Json;
  const applicant = await http.login(email, password);
  const ip = `124.${80 + randomInt(0, 40)}.${randomInt(0, 256)}.${randomInt(1, 255)}`;
  const resource = (await actors.admin.request('POST', '/api/v1/admin/resources', {
    json: {
      accountId: user.id,
      kind: 'server',
      name: 'bench web',
      region: 'cn-north-1',
      publicIps: [ip],
      billingType: 'prepaid',
      expiresAt: new Date(Date.now() + 300 * 86_400_000).toISOString(),
    },
  })) as Json;
  const code = await applicant.call('applyAuthorizationCode', { body: { resourceId: resource.id } });

  const domain = `bench-${tag}.cn`;
  const order = await applicant.call('createOrder', { body: { kind: 'new', domain, subjectAlreadyFiled: false } });
  const person = {
    name: '测试用户',
    idType: 'resident_id',
    idNumber: residentId(),
    idValidUntil: '2038-01-01',
    mobile: mobile(),
    emergencyPhone: mobile(),
    email: 'owner@example.cn',
    isLegalPerson: true,
  } as const;
  const data = {
    subject: {
      province: 'beijing',
      city: '北京市',
      district: '海淀区',
      subjectType: 'individual',
      certificateType: 'resident_id',
      certificateNumber: person.idNumber,
      certificateValidUntil: person.idValidUntil,
      sponsorName: person.name,
      certificateAddress: '北京市海淀区中关村大街1号',
      mailingAddress: '北京市海淀区中关村大街1号',
      responsiblePerson: person,
    },
    websites: [
      {
        name: '测试用户的读书笔记',
        domain,
        serviceContent: 'blog',
        languages: ['zh_hans'],
        preApprovals: [],
        authorizationCode: code.code,
        ipAddresses: [ip],
        accessMethod: 'virtual_host',
        sameAsSubjectResponsible: true,
        responsiblePerson: person,
      },
    ],
  } as const;
  const id = order.id;
  const params = { id };
  const saved = await applicant.call('saveOrderData', {
    params,
    body: { version: order.version, data: data as unknown as Json },
  });
  const upload = async (fields: Record<string, string>) =>
    applicant.uploadMaterial(id, fields, new Blob([await scan()], { type: 'image/jpeg' }), 'scan.jpg');
  for (const m of saved.precheck?.missingMaterials ?? []) {
    await upload({
      kind: m.kind,
      ...(m.websiteIndex !== undefined && { websiteIndex: String(m.websiteIndex) }),
      ...(['personal_id', 'subject_cert', 'subject_rp_id', 'website_rp_id'].includes(m.kind) && {
        validUntil: '2038-01-01',
      }),
    });
  }
  await applicant.call('acceptTerms', { params, body: { infoSecurityAgreement: true, assistedCorrectionTerms: true } });
  await applicant.call('submitOrder', { params, body: {} });

  let view = await actors.reviewer.call('providerReview', { params, body: { decision: 'approve' } });
  if (view.state === 'pending_authenticity_verification') {
    await upload({ kind: 'curtain_photo', websiteIndex: '0' });
    await applicant.call('submitAuthenticity', { params });
    view = await actors.reviewer.call('authenticityReview', { params, body: { decision: 'approve' } });
  }

  const waitFor = async (states: string[]) => {
    for (let i = 0; i < 600; i++) {
      const current = await applicant.call('getOrder', { params });
      if (states.includes(current.state)) return current;
      await new Promise((r) => setTimeout(r, 25));
    }
    throw new HttpError(`order ${id} never reached ${states.join('/')}`);
  };
  await waitFor(['pending_sms_verification']);
  const outbox = await sim('GET', `/api/sms/outbox?mobile=${person.mobile}`);
  const text: string = outbox.messages[0].text;
  const smsCode = /核验码为 (\d{6})/.exec(text)?.[1];
  await sim('POST', '/api/sms/verify', { mobile: person.mobile, code: smsCode, idLast6: person.idNumber.slice(-6) });
  if (actors.manualAdminDecision) {
    await waitFor(['pending_admin_review']);
    const pending = await sim('GET', '/api/orders?state=admin_review');
    const ref = (pending.orders ?? pending).find((o: Json) => o.orderId === id)?.ref;
    await sim('POST', `/api/orders/${ref}/decision`, { decision: 'approve' });
  }
  const done = await waitFor(['approved', 'admin_rejected']);
  if (done.state !== 'approved' || !done.numbers) throw new HttpError(`order ${id} ended ${done.state}`);
  return {
    orderId: id,
    applicant,
    domain,
    /** The server the website's authorization code names (its access resource). */
    resourceId: resource.id as string,
    numbers: done.numbers,
  };
}
