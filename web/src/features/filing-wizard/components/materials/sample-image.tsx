/**
 * Sample illustrations drawn in the app (no external images): an outline of what a good upload looks like.
 * They carry no text of their own; the caption beside them names them, so they are decorative for screen readers
 * apart from the `aria-label` given by the caller.
 */
export type SampleKind = 'id_card' | 'licence' | 'form' | 'domain_cert' | 'document' | 'curtain';

export const sampleKindOf = (kind: string): SampleKind => {
  if (['subject_rp_id', 'website_rp_id', 'personal_id'].includes(kind)) return 'id_card';
  if (kind === 'subject_cert' || kind === 'subject_cert_extra' || kind === 'change_cert') return 'licence';
  if (kind === 'domain_cert') return 'domain_cert';
  if (kind === 'curtain_photo' || kind === 'e_verify_video') return 'curtain';
  if (
    ['residence_proof', 'employment_cert', 'social_insurance', 'pre_approval_doc', 'party_building_cert'].includes(kind)
  )
    return 'document';
  return 'form';
};

const line = (x: number, y: number, w: number, key?: string) => (
  <rect key={key ?? `${x}-${y}`} x={x} y={y} width={w} height={5} rx={2} fill="#bfc8d6" />
);

function IdCards() {
  return (
    <>
      <rect x="8" y="8" width="224" height="164" rx="6" fill="#fff" stroke="#d0d7e2" />
      {/* front: photo side */}
      <rect x="22" y="18" width="196" height="70" rx="6" fill="#e8f1fb" stroke="#6b8fc7" />
      <rect x="166" y="26" width="40" height="52" rx="3" fill="#c7d8ef" />
      <circle cx="186" cy="44" r="9" fill="#8fa9d1" />
      <path d="M172 76 q14 -18 28 0" fill="#8fa9d1" />
      {line(32, 30, 60)}
      {line(32, 44, 90)}
      {line(32, 58, 110)}
      {line(32, 72, 120)}
      {/* back: emblem side */}
      <rect x="22" y="94" width="196" height="70" rx="6" fill="#fbf1e8" stroke="#c79a6b" />
      <circle cx="46" cy="118" r="13" fill="#e3b98f" stroke="#b07a45" />
      {line(74, 112, 110)}
      {line(74, 126, 80)}
      {line(32, 146, 150)}
      {/* the four corners are all in the picture */}
      <g stroke="#389e0d" strokeWidth="3" fill="none">
        <path d="M16 30 v-16 h16" />
        <path d="M224 30 v-16 h-16" />
        <path d="M16 150 v16 h16" />
        <path d="M224 150 v16 h-16" />
      </g>
    </>
  );
}

function Licence() {
  return (
    <>
      <rect x="40" y="6" width="160" height="168" rx="4" fill="#fffaf0" stroke="#c9a86a" strokeWidth="3" />
      <rect x="50" y="16" width="140" height="148" fill="none" stroke="#e0c896" />
      <rect x="92" y="24" width="56" height="8" rx="2" fill="#c0392b" opacity="0.7" />
      <rect x="160" y="22" width="22" height="22" fill="#fff" stroke="#555" />
      <path d="M164 26h6v6h-6zM172 34h6v6h-6z" fill="#555" />
      {line(62, 52, 116)}
      {line(62, 66, 100)}
      {line(62, 80, 110)}
      {line(62, 94, 90)}
      {line(62, 108, 112)}
      <circle cx="156" cy="140" r="16" fill="none" stroke="#c0392b" strokeWidth="2.5" opacity="0.8" />
      <path d="M156 130 l3 7h7l-6 4 2 7-6-4-6 4 2-7-6-4h7z" fill="#c0392b" opacity="0.8" />
    </>
  );
}

function Form() {
  return (
    <>
      <rect x="50" y="6" width="140" height="168" rx="3" fill="#fff" stroke="#9aa5b5" />
      <rect x="84" y="16" width="72" height="7" rx="2" fill="#6b7a90" />
      {[34, 48, 62, 76, 90, 104].map((y) => line(62, y, y % 28 === 0 ? 90 : 116, `l${y}`))}
      <path d="M66 140 q10 -14 18 -2 t18 -4 t16 2" stroke="#1f1f1f" strokeWidth="2" fill="none" />
      <rect x="62" y="148" width="60" height="2" fill="#9aa5b5" />
      <circle cx="154" cy="138" r="17" fill="none" stroke="#c0392b" strokeWidth="2.5" opacity="0.85" />
      <path d="M154 128 l3 7h7l-6 4 2 7-6-4-6 4 2-7-6-4h7z" fill="#c0392b" opacity="0.85" />
    </>
  );
}

function DomainCert() {
  return (
    <>
      <rect x="16" y="22" width="208" height="136" rx="4" fill="#f4f8ff" stroke="#5b7db8" strokeWidth="3" />
      <rect x="26" y="32" width="188" height="116" fill="none" stroke="#a9bde0" />
      <rect x="80" y="42" width="80" height="8" rx="2" fill="#5b7db8" />
      {line(44, 64, 152)}
      {line(44, 78, 120)}
      {line(44, 92, 140)}
      {line(44, 106, 100)}
      <circle cx="184" cy="124" r="14" fill="none" stroke="#c0392b" strokeWidth="2.5" opacity="0.8" />
    </>
  );
}

function Document() {
  return (
    <>
      <path d="M60 6 h96 l24 24 v144 h-120 z" fill="#fff" stroke="#9aa5b5" />
      <path d="M156 6 v24 h24" fill="#eef1f5" stroke="#9aa5b5" />
      {[44, 58, 72, 86, 100, 114, 128].map((y) => line(72, y, y % 28 === 2 ? 80 : 96, `d${y}`))}
      <circle cx="150" cy="150" r="13" fill="none" stroke="#c0392b" strokeWidth="2.5" opacity="0.8" />
    </>
  );
}

/** Upper body in the middle of the blue curtain, arms down, plain top. */
function Curtain() {
  return (
    <>
      <rect x="8" y="6" width="224" height="168" rx="4" fill="#1f5fbf" />
      {[24, 64, 104, 144].map((y) =>
        [20, 92, 164].map((x) => (
          <rect key={`${x}-${y}`} x={x} y={y} width="52" height="6" rx="2" fill="#fff" opacity="0.55" />
        )),
      )}
      <circle cx="120" cy="70" r="24" fill="#f1c9a5" />
      <path d="M96 62 q24 -34 48 0 q-4 -20 -24 -22 q-20 2 -24 22z" fill="#3b2a20" />
      <path d="M62 174 q4 -60 58 -62 q54 2 58 62z" fill="#8c8c8c" />
      <rect x="112" y="92" width="16" height="14" fill="#f1c9a5" />
      <g stroke="#ffd666" strokeWidth="2" strokeDasharray="5 4" fill="none">
        <rect x="88" y="40" width="64" height="70" rx="30" />
      </g>
    </>
  );
}

const DRAW: Record<SampleKind, () => React.ReactElement> = {
  id_card: IdCards,
  licence: Licence,
  form: Form,
  domain_cert: DomainCert,
  document: Document,
  curtain: Curtain,
};

export function SampleImage({ kind, label, width = 200 }: { kind: SampleKind; label: string; width?: number }) {
  const Draw = DRAW[kind];
  return (
    <svg
      viewBox="0 0 240 180"
      width={width}
      height={(width * 3) / 4}
      role="img"
      aria-label={label}
      style={{ maxWidth: '100%', height: 'auto', display: 'block', background: '#f5f7fa', borderRadius: 6 }}
    >
      <Draw />
    </svg>
  );
}
