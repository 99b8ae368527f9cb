import { describe, expect, it } from "vitest";
import { sameOriginPost } from "../../src/adapters/web/security.ts";

const h = (origin: string | undefined, referer: string | undefined, host = "192.168.1.20:8080", fetchSite?: string) => ({ origin, referer, host, fetchSite });

describe("the cross-site check on a LAN address (SPEC §6.1)", () => {
  it.each([
    ["our own page (Origin = host:port)", h("http://192.168.1.20:8080", undefined), true],
    ["our own page, Origin null but our Referer", h("null", "http://192.168.1.20:8080/abc/side/1"), true],
    ["another port on the same machine", h("http://192.168.1.20:9999", undefined), false],
    ["another site", h("http://evil.example", undefined), false],
    ["Origin null and no Referer (a sandboxed frame, or no-referrer)", h("null", undefined), false],
    ["neither header", h(undefined, undefined), false],
    ["a foreign Referer behind Origin null", h("null", "http://evil.example/x"), false],
    ["a matching Origin but Sec-Fetch-Site cross-site", h("http://192.168.1.20:8080", undefined, "192.168.1.20:8080", "cross-site"), false],
    ["no Host at all", { origin: "http://192.168.1.20:8080", referer: undefined, host: undefined, fetchSite: undefined }, false],
  ])("%s → %s", (_name, headers, accepted) => {
    expect(sameOriginPost(headers)).toBe(accepted);
  });
});
