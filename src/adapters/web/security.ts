import { createHash, randomBytes } from "node:crypto";

/** 32 letters without look-alikes (no i, l, o, u), so a code read aloud or typed from the screen survives. */
const ALPHABET = "0123456789abcdefghjkmnpqrstvwxyz";

/** 10 characters × 5 bits = 50 bits of join code (SPEC §6 asks ≥ 40). */
export const JOIN_LENGTH = 10;
export const JOIN_PATTERN = /^[0-9a-hjkmnp-tv-z]{10}$/;
/** 24 bytes = 192 bits of facilitator secret (SPEC §6 asks ≥ 128). */
export const SECRET_PATTERN = /^[A-Za-z0-9_-]{32}$/;
/** The participant cookie: 16 random bytes = 128 bits, so guessing another's is hopeless. */
export const TOKEN_PATTERN = /^[A-Za-z0-9_-]{22}$/;

export const LIMITS = {
  /** A page posts a few radio values and one comment; 64 KiB is generous and bounds a hostile client. */
  bodyBytes: 64 * 1024,
} as const;

export function newJoinCode(): string {
  // Rejection-free: 5 bits from each byte's low bits keeps every letter equally likely (256 is a multiple of 32).
  return [...randomBytes(JOIN_LENGTH)].map((b) => ALPHABET[b % 32]).join("");
}

export const newSecret = (): string => randomBytes(24).toString("base64url");
export const newToken = (): string => randomBytes(16).toString("base64url");
/** The screen's token is made like the secret (192 bits) but is another value: the room may see it, never the secret. */
export const SCREEN_PATTERN = SECRET_PATTERN;
export const newAccess = () => ({ join: newJoinCode(), secret: newSecret(), screen: newSecret() });
export type Access = ReturnType<typeof newAccess>;
export const validAccess = (a: Access): boolean => JOIN_PATTERN.test(a.join) && SECRET_PATTERN.test(a.secret) && SCREEN_PATTERN.test(a.screen) && a.screen !== a.secret;

/**
 * The participant's pseudonym in files, derived one-way from their cookie: the CSV and fremdrift/
 * name the participant, but neither lets anyone who reads them take over the participant's page.
 */
export const pseudonymOf = (token: string): string => `w-${createHash("sha256").update(token).digest("hex").slice(0, 16)}`;

/** Every page: nothing from outside, no script at all, forms only to ourselves, never framed. */
export const CONTENT_SECURITY_POLICY = [
  "default-src 'none'",
  "style-src 'self'",
  "img-src 'self'",
  "form-action 'self'",
  "base-uri 'none'",
  "frame-ancestors 'none'",
].join("; ");

/** The facilitator's pages and the screen: the same, plus our own script and its requests to this server. */
export const FACILITATOR_CSP = [CONTENT_SECURITY_POLICY, "script-src 'self'", "connect-src 'self'"].join("; ");

/**
 * The cross-site check for posts (SPEC §6.1). Phones reach the laptop at a LAN address over plain
 * http, where Chromium sends no Sec-Fetch-Site and, under `Referrer-Policy: no-referrer`, `Origin: null`.
 * Our pages therefore send `Referrer-Policy: same-origin`, so a post from our own page carries its real
 * Origin. A post is taken when its Origin (or, if the Origin is missing or "null", its Referer) names
 * the very host and port the request was sent to; anything else — another site, a sandboxed frame
 * (Origin "null" without a Referer), a post with neither header — is refused.
 */
export function sameOriginPost(h: { origin: string | undefined; referer: string | undefined; host: string | undefined; fetchSite: string | undefined }): boolean {
  if (!h.host) return false;
  if (h.fetchSite === "cross-site" || h.fetchSite === "same-site") return false;
  const hostOf = (url: string | undefined): string | undefined => {
    if (!url || url === "null") return undefined;
    try {
      return new URL(url).host;
    } catch {
      return undefined;
    }
  };
  const host = hostOf(`http://${h.host}`);
  const from = hostOf(h.origin) ?? (h.origin === undefined || h.origin === "null" ? hostOf(h.referer) : undefined);
  return from !== undefined && from === host;
}
