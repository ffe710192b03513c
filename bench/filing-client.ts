import { randomInt } from 'node:crypto';
import sharp from 'sharp';
import { totpCodeAt } from '../src/adapters/auth/totp.ts';
import { demoTotpSecret } from '../src/seed/demo-totp-secrets.ts';

/**
 * A complete first filing driven only through the platform's HTTP API and the simulator's HTTP API, the way an
 * integration partner or a tester with curl would do it. Used by the benchmark and by `npm run demo:filing`.
 */
type Session = { cookie: string };
type Json = Record<string, any>;

export class HttpError extends Error {}

export function createHttp(base: string) {
  const call = async (
    method: string,
    path: string,
    opts: { session?: Session; body?: unknown; form?: FormData } = {},
  ) => {
    const headers: Record<string, string> = {};
    if (opts.session) headers.cookie = opts.session.cookie;
    let body: string | FormData | undefined;
    if (opts.form) body = opts.form;
    else if (opts.body !== undefined) {
      headers['content-type'] = 'application/json';
      body = JSON.stringify(opts.body);
    }
    const res = await fetch(`${base}${path}`, { method, headers, body });
    const text = await res.text();
    if (!res.ok) throw new HttpError(`${method} ${path} → ${res.status}: ${text.slice(0, 300)}`);
    return { json: (text ? JSON.parse(text) : {}) as Json, res };
  };
  const sessionCookie = (res: Response): string => {
    const cookie = res.headers
      .getSetCookie()
      .map((c) => c.split(';')[0])
      .find((c) => c?.includes('beian_sid='));
    if (!cookie) throw new HttpError('the answer set no session cookie');
    return cookie;
  };
  /** Password, then for demo staff the second factor with a code of their published dev secret. */
  const login = async (email: string, password: string): Promise<Session> => {
    const { res, json } = await call('POST', '/api/v1/auth/login', { body: { email, password } });
    const session = { cookie: sessionCookie(res) };
    const secret = demoTotpSecret(email);
    if (json.secondFactor !== 'verify' || !secret) return session;
    const verified = await call('POST', '/api/v1/auth/second-factor/verify', {
      session,
      body: { code: totpCodeAt(secret, new Date()) },
    });
    return { cookie: sessionCookie(verified.res) };
  };
  return { call, login };
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
  const sim = createHttp(actors.simulatorUrl);
  const tag = `${Date.now().toString(36)}${randomInt(1e6).toString(36)}`;
  const email = `bench-${tag}@example.cn`;
  const password = `Bench-Password-${tag}`;
  const { json: user } = await http.call('POST', '/api/v1/admin/users', {
    session: actors.admin,
    body: { email, password, role: 'applicant', displayName: `压测用户${tag}`, realNameVerified: true },
  });
  const applicant = await http.login(email, password);
  const ip = `124.${80 + randomInt(0, 40)}.${randomInt(0, 256)}.${randomInt(1, 255)}`;
  const { json: resource } = await http.call('POST', '/api/v1/admin/resources', {
    session: actors.admin,
    body: {
      accountId: user.id,
      kind: 'server',
      name: 'bench web',
      region: 'cn-north-1',
      publicIps: [ip],
      billingType: 'prepaid',
      expiresAt: new Date(Date.now() + 300 * 86_400_000).toISOString(),
    },
  });
  const { json: code } = await http.call('POST', '/api/v1/applicant/authorization-codes', {
    session: applicant,
    body: { resourceId: resource.id },
  });

  const domain = `bench-${tag}.cn`;
  const { json: order } = await http.call('POST', '/api/v1/applicant/orders', {
    session: applicant,
    body: { kind: 'new', domain, subjectAlreadyFiled: false },
  });
  const person = {
    name: '测试用户',
    idType: 'resident_id',
    idNumber: residentId(),
    idValidUntil: '2038-01-01',
    mobile: mobile(),
    emergencyPhone: mobile(),
    email: 'owner@example.cn',
    isLegalPerson: true,
  };
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
  };
  const id = order.id as string;
  const orderPath = `/api/v1/applicant/orders/${id}`;
  const { json: saved } = await http.call('PUT', `${orderPath}/data`, {
    session: applicant,
    body: { version: order.version, data },
  });
  const upload = async (fields: Record<string, string>) => {
    const form = new FormData();
    for (const [k, v] of Object.entries(fields)) form.append(k, v);
    form.append('file', new Blob([await scan()], { type: 'image/jpeg' }), 'scan.jpg');
    await http.call('POST', `${orderPath}/materials`, { session: applicant, form });
  };
  for (const m of saved.precheck?.missingMaterials ?? []) {
    await upload({
      kind: m.kind,
      ...(m.websiteIndex !== undefined && { websiteIndex: String(m.websiteIndex) }),
      ...(['personal_id', 'subject_cert', 'subject_rp_id', 'website_rp_id'].includes(m.kind) && {
        validUntil: '2038-01-01',
      }),
    });
  }
  await http.call('POST', `${orderPath}/terms`, {
    session: applicant,
    body: { infoSecurityAgreement: true, assistedCorrectionTerms: true },
  });
  await http.call('POST', `${orderPath}/submit`, { session: applicant, body: {} });

  const review = `/api/v1/reviewer/orders/${id}`;
  let { json: view } = await http.call('POST', `${review}/provider-review`, {
    session: actors.reviewer,
    body: { decision: 'approve' },
  });
  if (view.state === 'pending_authenticity_verification') {
    await upload({ kind: 'curtain_photo', websiteIndex: '0' });
    await http.call('POST', `${orderPath}/authenticity`, { session: applicant });
    ({ json: view } = await http.call('POST', `${review}/authenticity-review`, {
      session: actors.reviewer,
      body: { decision: 'approve' },
    }));
  }

  const waitFor = async (states: string[]) => {
    for (let i = 0; i < 600; i++) {
      const { json } = await http.call('GET', orderPath, { session: applicant });
      if (states.includes(json.state)) return json;
      await new Promise((r) => setTimeout(r, 25));
    }
    throw new HttpError(`order ${id} never reached ${states.join('/')}`);
  };
  await waitFor(['pending_sms_verification']);
  const { json: outbox } = await sim.call('GET', `/api/sms/outbox?mobile=${person.mobile}`);
  const text: string = outbox.messages[0].text;
  const smsCode = /核验码为 (\d{6})/.exec(text)?.[1];
  await sim.call('POST', '/api/sms/verify', {
    body: { mobile: person.mobile, code: smsCode, idLast6: person.idNumber.slice(-6) },
  });
  if (actors.manualAdminDecision) {
    await waitFor(['pending_admin_review']);
    const { json: pending } = await sim.call('GET', '/api/orders?state=admin_review');
    const ref = (pending.orders ?? pending).find((o: Json) => o.orderId === id)?.ref;
    await sim.call('POST', `/api/orders/${ref}/decision`, { body: { decision: 'approve' } });
  }
  const done = await waitFor(['approved', 'admin_rejected']);
  if (done.state !== 'approved') throw new HttpError(`order ${id} ended ${done.state}`);
  return {
    orderId: id,
    applicant,
    domain,
    /** The server the website's authorization code names (its access resource). */
    resourceId: resource.id as string,
    numbers: done.numbers as { subjectNumber: string; websites: Array<{ websiteNumber: string }> },
  };
}
