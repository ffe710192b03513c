/** Minimal server-side HTML for the simulator's pages: template strings, no build step, every value escaped. */

const ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };

/** Escapes text for element content and quoted attribute values. */
export const esc = (value: unknown): string => String(value ?? '').replace(/[&<>"']/g, (c) => ESCAPES[c] ?? c);

/** A fragment that is already HTML (built with `esc` or from constants). */
export type Html = { readonly html: string };
export const raw = (html: string): Html => ({ html });

/** Tagged template: interpolated values are escaped unless they are Html (or arrays of Html). */
export function html(strings: TemplateStringsArray, ...values: unknown[]): Html {
  let out = strings[0] ?? '';
  values.forEach((v, i) => {
    out += render(v) + (strings[i + 1] ?? '');
  });
  return raw(out);
}

function render(v: unknown): string {
  if (v === null || v === undefined || v === false) return '';
  if (Array.isArray(v)) return v.map(render).join('');
  if (typeof v === 'object' && 'html' in (v as object)) return (v as Html).html;
  return esc(v);
}

/** Beijing time, as the regulator's own pages show it. */
export function formatTime(value: Date | string | null | undefined): string {
  if (!value) return '—';
  const d = typeof value === 'string' ? new Date(value) : value;
  return `${d.toLocaleString('zh-CN', { timeZone: 'Asia/Shanghai', hour12: false })}`;
}

const STYLE = `
body{font-family:"PingFang SC","Microsoft YaHei",system-ui,sans-serif;margin:0;background:#f4f6f9;color:#1f2d3d}
header{background:#1a4d8f;color:#fff;padding:12px 24px}header a{color:#fff;margin-right:16px;text-decoration:none}
header .brand{font-weight:bold;margin-right:32px}main{max-width:1100px;margin:24px auto;padding:0 16px}
h1{font-size:22px;margin:0 0 4px}.en{color:#6b7785;font-size:13px;font-weight:normal}
section{background:#fff;border:1px solid #dde3ea;border-radius:4px;padding:16px 20px;margin-bottom:16px}
label{display:block;margin:8px 0 2px}input[type=text],input[type=number]{padding:6px 8px;width:260px;border:1px solid #b8c2cc;border-radius:3px}
button{padding:6px 16px;margin:8px 8px 0 0;border:0;border-radius:3px;background:#1a4d8f;color:#fff;cursor:pointer}
button.secondary{background:#6b7785}button.danger{background:#b3261e}
table{border-collapse:collapse;width:100%}th,td{border-bottom:1px solid #e5e9ee;padding:6px 8px;text-align:left;vertical-align:top;font-size:14px}
.ok{background:#e7f5ea;border-color:#9ccfa6}.err{background:#fdecea;border-color:#f2a7a1}.muted{color:#6b7785}
form.inline{display:inline}form.inline input[type=text]{width:200px}code{background:#eef1f5;padding:1px 4px}
`;

export function page(input: { title: string; subtitle: string; body: Html; now?: Date }): string {
  return `<!doctype html>
<html lang="zh-CN"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width,initial-scale=1">
<title>${esc(input.title)} — 备案管理系统模拟器</title><style>${STYLE}</style></head>
<body><header><span class="brand">工信部 ICP/IP地址/域名信息备案管理系统（模拟器）</span>
<a href="/">首页</a><a href="/sms">短信核验</a><a href="/outbox">短信发件箱</a><a href="/console">管局审核</a><a href="/clock">模拟时钟</a><a href="/api/docs">API</a>
${input.now ? `<span class="muted" style="color:#cfe0f5">模拟时间 ${esc(formatTime(input.now))}</span>` : ''}</header>
<main><h1>${esc(input.title)} <span class="en">${esc(input.subtitle)}</span></h1>
${input.body.html}</main></body></html>`;
}
