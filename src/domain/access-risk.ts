import type { Resource } from './ports/resource-inventory.ts';

/**
 * A filed website is served from the provider's resource its authorization code names (domain.md T13, §4.6).
 * When that resource is released (释放) or its term has ended (到期), the website has no access here any more in
 * fact: the applicant must renew, move the access to another provider, or cancel the access (取消接入, T12) —
 * a filed website no provider serves is a shell website (空壳网站, glossary), whose number the authorities may
 * cancel, and a subject left with only such websites becomes a shell subject.
 */
export type AccessRiskReason = 'released' | 'expired';

/** Why the website's access is at risk now, or null when its resource still serves it. */
export function accessRiskOf(resource: Resource | null, now: Date): AccessRiskReason | null {
  // A resource the inventory no longer knows is gone as surely as a released one.
  if (!resource || resource.status === 'released') return 'released';
  if (resource.expiresAt.getTime() <= now.getTime()) return 'expired';
  return null;
}

export const ACCESS_RISK_TEXT: Record<AccessRiskReason, { zhCN: string; enUS: string }> = {
  released: {
    zhCN: '该网站的接入资源（云服务器）已释放，网站已无法通过本平台接入。',
    enUS: 'The server this website is accessed through has been released; the website no longer has access here.',
  },
  expired: {
    zhCN: '该网站的接入资源（云服务器）已到期，网站已无法通过本平台接入。',
    enUS: 'The server this website is accessed through has expired; the website no longer has access here.',
  },
};

/** What to do, for both reasons: renew (or re-bind), move the access, or cancel it; why it matters. */
export const ACCESS_RISK_FIX = {
  zhCN: '请续费该资源，或在其他接入商处新增接入后在本平台取消接入；否则需办理取消接入。网站长期没有任何接入商接入将成为空壳网站，备案号可能被管局注销；主体下的网站都成为空壳网站时，主体将成为空壳主体。',
  enUS: 'Renew the resource, or add access at another provider and then cancel the access here; otherwise cancel the access. A filed website that no provider gives access to for long becomes a shell website (空壳网站) whose filing number the administration may cancel; a subject whose websites are all shells becomes a shell subject.',
};
