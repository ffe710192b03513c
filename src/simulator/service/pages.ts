import type { FastifyPluginAsync, FastifyReply } from 'fastify';
import { FILING_TYPE_INFO, type FilingType } from '../../domain/filing-type.ts';
import type { RegulatorSubmission } from '../../domain/ports/regulator-gateway.ts';
import { findProvince } from '../../domain/province/provinces.ts';
import { SMS_MAX_RESENDS, SMS_MAX_WRONG_ID_ATTEMPTS } from '../core/context.ts';
import { isSimulatorError, SIM_ERRORS } from '../core/errors.ts';
import type { SimulatorApi, TickSummary } from '../in-process-gateway.ts';
import type { SimDb } from '../store/schema.ts';
import { formatTime, type Html, html, page } from './html.ts';
import type { SimClock } from './sim-clock.ts';

export type SimulatorPagesOptions = { sim: SimulatorApi; db: SimDb; clock: SimClock };

type Form = Record<string, string>;
const field = (body: unknown, name: string): string => {
  const v = (body as Form | undefined)?.[name];
  return typeof v === 'string' ? v.trim() : '';
};

const provinceName = (code: string) => findProvince(code)?.nameZh ?? code;
const typeName = (type: string) => FILING_TYPE_INFO[type as FilingType]?.nameZh ?? type;

const SMS_STATE_ZH: Record<string, string> = {
  code_sent: '待核验',
  verified: '已核验',
  failed: '核验失败',
  expired: '已失效',
};
const ORDER_STATE_ZH: Record<string, string> = {
  rejected_at_intake: '受理退回',
  sms_pending: '短信核验中',
  returned: '已退回',
  admin_review: '管局审核中',
  admin_rejected: '管局驳回',
  approved: '审核通过',
  completed: '已完成',
};

function sendPage(reply: FastifyReply, status: number, body: string) {
  return reply.status(status).type('text/html; charset=utf-8').header('cache-control', 'no-store').send(body);
}

function errorOf(error: unknown): { status: number; message: string; details: unknown } {
  if (isSimulatorError(error)) {
    return { status: SIM_ERRORS[error.code].status, message: error.message, details: error.details };
  }
  throw error;
}

function notice(kind: 'ok' | 'err', text: Html | string): Html {
  return html`<section class="${kind}">${text}</section>`;
}

/**
 * The simulator's pages: MIIT's 短信核验 page, the SMS outbox, the 管局 reviewer's console and the clock. Plain
 * HTML forms (no scripts, no CSRF tokens: this is a test double, not a real government system); every value that
 * comes from a user or a submission is escaped.
 */
export const simulatorPages: FastifyPluginAsync<SimulatorPagesOptions> = async (app, { sim, db, clock }) => {
  app.addContentTypeParser(
    'application/x-www-form-urlencoded',
    { parseAs: 'string', bodyLimit: 64 * 1024 },
    (_req, body, done) => {
      done(null, Object.fromEntries(new URLSearchParams(body as string)));
    },
  );
  const hide = { schema: { hide: true } };

  app.get('/', hide, async (_req, reply) =>
    sendPage(
      reply,
      200,
      page({
        title: '备案管理系统模拟器',
        subtitle: 'ICP filing regulator simulator (MIIT + provincial administrations)',
        now: clock.now(),
        body: html`<section><ul>
<li><a href="/sms">短信核验</a> <span class="en">SMS verification page</span></li>
<li><a href="/outbox">短信发件箱</a> <span class="en">SMS outbox: codes "sent" to mobiles</span></li>
<li><a href="/console">管局审核</a> <span class="en">Provincial administration console: pending orders</span></li>
<li><a href="/clock">模拟时钟</a> <span class="en">Simulated clock</span></li>
<li><a href="/api/docs">API 文档</a> <span class="en">OpenAPI (/api/openapi.json)</span></li>
</ul></section>`,
      }),
    ),
  );

  // ---- 短信核验 -------------------------------------------------------------------------------------------
  async function smsStatus(mobile: string): Promise<Html> {
    if (!mobile) return html``;
    const rows = await db
      .selectFrom('sim_sms_verification as v')
      .innerJoin('sim_order as o', 'o.ref', 'v.order_ref')
      .select([
        'v.order_ref',
        'v.state',
        'v.resend_count',
        'v.wrong_attempts',
        'o.state as order_state',
        'o.sms_deadline_at',
      ])
      .where('v.mobile', '=', mobile)
      .orderBy('v.id', 'desc')
      .limit(10)
      .execute();
    if (rows.length === 0)
      return html`<section class="muted">该手机号没有备案短信记录 <span class="en">No SMS for this mobile</span></section>`;
    return html`<section><h2>核验状态 <span class="en">Verification status</span></h2><table>
<tr><th>备案申请</th><th>核验状态</th><th>剩余重发次数</th><th>证件号码错误次数</th><th>申请状态</th><th>核验截止</th></tr>
${rows.map(
  (r) => html`<tr><td><code>${r.order_ref}</code></td><td>${SMS_STATE_ZH[r.state] ?? r.state}</td>
<td>${Math.max(0, SMS_MAX_RESENDS - r.resend_count)} / ${SMS_MAX_RESENDS}</td>
<td>${r.wrong_attempts} / ${SMS_MAX_WRONG_ID_ATTEMPTS}</td><td>${ORDER_STATE_ZH[r.order_state] ?? r.order_state}</td>
<td>${formatTime(r.sms_deadline_at)}</td></tr>`,
)}</table></section>`;
  }

  async function smsPage(reply: FastifyReply, status: number, form: Form, message?: Html) {
    const body = html`${message}
<section><form method="post" action="/sms/verify">
<label for="mobile">手机号 <span class="en">Mobile</span></label><input type="text" id="mobile" name="mobile" value="${form.mobile ?? ''}" maxlength="20" autocomplete="off">
<label for="code">验证码 <span class="en">6-digit code</span></label><input type="text" id="code" name="code" value="" maxlength="10" autocomplete="off">
<label for="idLast6">证件号码后6位 <span class="en">Last 6 characters of the ID</span></label><input type="text" id="idLast6" name="idLast6" value="${form.idLast6 ?? ''}" maxlength="10" autocomplete="off">
<div><button type="submit">核验</button><button type="submit" class="secondary" formaction="/sms/resend">重新发送</button></div>
<p class="muted">重新发送只需手机号和证件号码后6位，最多重发${SMS_MAX_RESENDS}次；证件号码连续输错${SMS_MAX_WRONG_ID_ATTEMPTS}次，备案申请将被退回。验证码24小时内有效。<br>
<span class="en">Resend needs mobile and ID only, at most ${SMS_MAX_RESENDS} times; ${SMS_MAX_WRONG_ID_ATTEMPTS} wrong ID entries return the order. Codes are valid for 24 h.</span></p>
</form></section>
${await smsStatus(form.mobile ?? '')}`;
    return sendPage(reply, status, page({ title: '短信核验', subtitle: 'SMS verification', now: clock.now(), body }));
  }

  app.get('/sms', hide, async (req, reply) => {
    const mobile = field(req.query, 'mobile');
    return smsPage(reply, 200, { mobile });
  });

  app.post('/sms/verify', hide, async (req, reply) => {
    const form = {
      mobile: field(req.body, 'mobile'),
      code: field(req.body, 'code'),
      idLast6: field(req.body, 'idLast6'),
    };
    if (!form.mobile || !form.code || !form.idLast6) {
      return smsPage(reply, 400, form, notice('err', '请填写手机号、验证码和证件号码后6位'));
    }
    try {
      const result = await sim.verifySms({ mobile: form.mobile, code: form.code, idLast6: form.idLast6 });
      const text =
        result.result === 'verified'
          ? html`核验成功，备案申请 <code>${result.orderRef}</code> 已提交管局审核。<span class="en">Verified; the order went to the administration.</span>`
          : html`您已核验成功，请等待其他负责人完成核验（备案申请 <code>${result.orderRef}</code>）。<span class="en">Verified; other persons still have to verify.</span>`;
      return smsPage(reply, 200, form, notice('ok', text));
    } catch (error) {
      const e = errorOf(error);
      const left = (e.details as { attemptsLeft?: number } | undefined)?.attemptsLeft;
      const extra = left === undefined ? '' : `，还可输入${left}次`;
      return smsPage(reply, e.status, form, notice('err', html`${e.message}${extra}`));
    }
  });

  app.post('/sms/resend', hide, async (req, reply) => {
    const form = { mobile: field(req.body, 'mobile'), idLast6: field(req.body, 'idLast6') };
    if (!form.mobile || !form.idLast6) {
      return smsPage(reply, 400, form, notice('err', '重新发送需填写手机号和证件号码后6位'));
    }
    try {
      const { resent } = await sim.resendSms(form);
      const left = Math.min(...resent.map((r) => r.resendsLeft));
      return smsPage(
        reply,
        200,
        form,
        notice(
          'ok',
          html`验证码已重新发送，剩余重发次数 ${left}。<span class="en">Code resent; ${left} resend(s) left.</span>`,
        ),
      );
    } catch (error) {
      const e = errorOf(error);
      return smsPage(reply, e.status, form, notice('err', e.message));
    }
  });

  // ---- 短信发件箱 -----------------------------------------------------------------------------------------
  app.get('/outbox', hide, async (req, reply) => {
    const mobile = field(req.query, 'mobile');
    const messages = await sim.readOutbox({ mobile: mobile || undefined, limit: 200 });
    const body = html`<section><form method="get" action="/outbox">
<label for="mobile">按手机号筛选 <span class="en">Filter by mobile</span></label><input type="text" id="mobile" name="mobile" value="${mobile}" maxlength="20"> <button type="submit">查询</button>
</form></section><section>
${
  messages.length === 0
    ? html`<p class="muted">暂无短信 <span class="en">No messages</span></p>`
    : html`<table><tr><th>发送时间</th><th>手机号</th><th>短信内容</th><th>备案申请</th></tr>
${messages.map(
  (m) =>
    html`<tr><td>${formatTime(m.sentAt)}</td><td><a href="/sms?mobile=${encodeURIComponent(m.mobile)}">${m.mobile}</a></td><td>${m.text}</td><td><code>${m.orderRef}</code></td></tr>`,
)}</table>`
}</section>`;
    return sendPage(
      reply,
      200,
      page({ title: '短信发件箱', subtitle: 'SMS outbox, newest first', now: clock.now(), body }),
    );
  });

  // ---- 管局审核 -------------------------------------------------------------------------------------------
  async function consolePage(reply: FastifyReply, status: number, message?: Html) {
    const orders = await db
      .selectFrom('sim_order')
      .select(['ref', 'order_id', 'type', 'province', 'subject_number', 'payload', 'received_at', 'review_started_at'])
      .where('state', '=', 'admin_review')
      .orderBy('received_at')
      .limit(200)
      .execute();
    const rows = orders.map((o) => {
      const s = o.payload as RegulatorSubmission;
      const subject = s.subject?.sponsorName ?? '';
      const websites = s.websites.map((w) => html`${w.name}（${w.domain}）<br>`);
      return html`<tr><td><code>${o.ref}</code><br><span class="muted">${o.order_id}</span></td>
<td>${provinceName(o.province)}</td><td>${typeName(o.type)}</td>
<td>${subject || '—'}${o.subject_number ? html`<br><span class="muted">${o.subject_number}</span>` : ''}</td>
<td>${websites.length > 0 ? websites : '—'}</td><td>${formatTime(o.received_at)}</td>
<td><form class="inline" method="post" action="/console/orders/${encodeURIComponent(o.ref)}/approve"><button type="submit">通过</button></form>
<form class="inline" method="post" action="/console/orders/${encodeURIComponent(o.ref)}/reject">
<input type="text" name="reason" placeholder="驳回原因（必填）" maxlength="500" required><button type="submit" class="danger">驳回</button></form></td></tr>`;
    });
    const body = html`${message}<section>
${
  rows.length === 0
    ? html`<p class="muted">暂无待审核的备案申请 <span class="en">No orders waiting for review</span></p>`
    : html`<table><tr><th>申请</th><th>省份</th><th>备案类型</th><th>主体</th><th>网站（域名）</th><th>接收时间</th><th>审核</th></tr>${rows}</table>`
}</section>`;
    return sendPage(
      reply,
      status,
      page({ title: '管局审核', subtitle: 'Provincial administration review console', now: clock.now(), body }),
    );
  }

  app.get('/console', hide, async (req, reply) => {
    const done = field(req.query, 'done');
    const ref = field(req.query, 'ref');
    const message =
      done === 'approved'
        ? notice('ok', html`备案申请 <code>${ref}</code> 已审核通过。<span class="en">Approved.</span>`)
        : done === 'rejected'
          ? notice('ok', html`备案申请 <code>${ref}</code> 已驳回。<span class="en">Rejected.</span>`)
          : undefined;
    return consolePage(reply, 200, message);
  });

  const refParam = (params: unknown) => String((params as { ref?: string }).ref ?? '').slice(0, 40);

  app.post('/console/orders/:ref/approve', hide, async (req, reply) => {
    const ref = refParam(req.params);
    try {
      await sim.decideOrder(ref, { decision: 'approve' });
      return reply.redirect(`/console?done=approved&ref=${encodeURIComponent(ref)}`, 303);
    } catch (error) {
      const e = errorOf(error);
      const reasons = (e.details as { reasons?: Array<{ message: string }> } | undefined)?.reasons ?? [];
      return consolePage(
        reply,
        e.status,
        notice('err', html`<code>${ref}</code>：${e.message}${reasons.map((r) => html`<br>· ${r.message}`)}`),
      );
    }
  });

  app.post('/console/orders/:ref/reject', hide, async (req, reply) => {
    const ref = refParam(req.params);
    const reason = field(req.body, 'reason');
    if (!reason) return consolePage(reply, 400, notice('err', '驳回时必须填写驳回原因 (a reason is required)'));
    if (reason.length > 500) return consolePage(reply, 400, notice('err', '驳回原因不能超过500字'));
    try {
      await sim.decideOrder(ref, {
        decision: 'reject',
        reasons: [{ field: '', code: 'ADMIN_REJECTED', message: reason }],
      });
      return reply.redirect(`/console?done=rejected&ref=${encodeURIComponent(ref)}`, 303);
    } catch (error) {
      const e = errorOf(error);
      return consolePage(reply, e.status, notice('err', html`<code>${ref}</code>：${e.message}`));
    }
  });

  // ---- 模拟时钟 -------------------------------------------------------------------------------------------
  function clockPage(reply: FastifyReply, status: number, message?: Html) {
    const hours = Math.floor(clock.offsetMs() / 3600_000);
    const minutes = Math.floor((clock.offsetMs() % 3600_000) / 60_000);
    const body = html`${message}<section><table>
<tr><th>模拟时间 <span class="en">Simulated time</span></th><td>${formatTime(clock.now())}（${clock.now().toISOString()}）</td></tr>
<tr><th>实际时间 <span class="en">Wall time</span></th><td>${formatTime(clock.baseNow())}</td></tr>
<tr><th>已快进 <span class="en">Offset</span></th><td>${hours} 小时 ${minutes} 分钟</td></tr></table></section>
<section><form method="post" action="/clock/advance">
<label for="hours">快进小时数 <span class="en">Advance by hours</span></label><input type="number" id="hours" name="hours" min="0.01" step="any" value="1">
<button type="submit">快进</button></form>
<p class="muted">只改变模拟器的时间（短信24小时期限、管局审核延时），不影响备案平台的时钟。<span class="en">Moves the simulator's time only, never the platform's.</span></p></section>`;
    return sendPage(reply, status, page({ title: '模拟时钟', subtitle: 'Simulated clock', now: clock.now(), body }));
  }

  app.get('/clock', hide, async (_req, reply) => clockPage(reply, 200));

  app.post('/clock/advance', hide, async (req, reply) => {
    const hours = Number(field(req.body, 'hours'));
    if (!Number.isFinite(hours) || hours <= 0 || hours > MAX_ADVANCE_HOURS) {
      return clockPage(reply, 400, notice('err', `请输入 0 到 ${MAX_ADVANCE_HOURS} 之间的小时数`));
    }
    const summary = await advanceAndTick(clock, sim, Math.round(hours * 3600_000));
    return clockPage(
      reply,
      200,
      notice(
        'ok',
        html`已快进 ${hours} 小时。短信超时退回 ${summary.smsExpired.length} 件，自动审核 ${summary.autoDecided.length} 件，域名实名报备 ${summary.domainsReported} 个。`,
      ),
    );
  });
};

export const MAX_ADVANCE_HOURS = 24 * 366;

/** Advances the simulator's clock and applies everything that became due. */
export async function advanceAndTick(clock: SimClock, sim: SimulatorApi, ms: number): Promise<TickSummary> {
  await clock.advance(ms);
  return sim.tick();
}
