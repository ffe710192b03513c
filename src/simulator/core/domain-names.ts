import { domainToASCII } from 'node:url';
import { MULTI_LABEL_SUFFIXES } from '../data/domain-industry.ts';

/**
 * Canonical ASCII form of a domain: lower case, no trailing dot, IDN labels in punycode. Returns '' when the
 * input is not a domain name at all (node's WHATWG parser rejects it).
 */
export function normalizeDomain(input: string): string {
  const trimmed = input.trim().replace(/\.$/, '');
  return domainToASCII(trimmed).toLowerCase();
}

/** The registry suffix the domain was registered under: `com`, `cn`, or `com.cn`. */
export function suffixOf(domain: string): string {
  const labels = domain.split('.');
  if (labels.length >= 3) {
    const lastTwo = labels.slice(-2).join('.');
    if (MULTI_LABEL_SUFFIXES.has(lastTwo)) return lastTwo;
  }
  return labels.at(-1) ?? '';
}

/** The top-level label, which is what MIIT approves (`cn` for `example.com.cn`). */
export const tldOf = (domain: string): string => domain.split('.').at(-1) ?? '';

/**
 * The part a registrant actually registered (`www.example.com` → `example.com`). MIIT files and verifies the
 * registered domain, so every registry and national-record lookup goes through this.
 */
export function registrableDomain(input: string): string {
  const domain = normalizeDomain(input);
  if (!domain) return '';
  const suffix = suffixOf(domain);
  const labels = domain.split('.');
  const suffixLabels = suffix.split('.').length;
  if (labels.length <= suffixLabels) return domain;
  return labels.slice(-(suffixLabels + 1)).join('.');
}

/** A domain the verification can work with: at least one label before the suffix, plain LDH labels. */
export function isPlausibleDomain(domain: string): boolean {
  if (!domain || domain.length > 253) return false;
  const labels = domain.split('.');
  if (labels.length < 2) return false;
  return labels.every((l) => /^[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?$/.test(l));
}
