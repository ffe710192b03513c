/**
 * The error catalogue as clients read it: every stable code with its zh-CN and en-US text, so a browser shows
 * the same words for a code as the server's docs (re-exported from the pure domain; no server code behind it).
 */
export { ERROR_CATALOGUE, type ErrorCode } from '../domain/errors.ts';
