/**
 * Passwords this project itself publishes (the demo accounts in src/seed/demo.ts, printed by `npm start` and
 * quoted in the README). Anyone can read them, so no real account may use one (issue 6 item 12); only the
 * development seed is allowed to. A unit test keeps this list and the seed in step. Compared case-insensitively.
 */
export const PUBLISHED_DEMO_PASSWORDS: ReadonlySet<string> = new Set(
  [
    'Beian-Demo-Applicant-2026',
    'Beian-Demo-Reviewer-2026',
    'Beian-Demo-Senior-2026',
    'Beian-Demo-Admin-2026!',
    'Beian-Demo-SubAccount-2026',
  ].map((p) => p.toLowerCase()),
);
