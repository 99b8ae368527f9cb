import QRCode from "qrcode";

const escapeXml = (s: string) => s.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/"/g, "&quot;");
const cache = new Map<string, string>();

/**
 * The join address as an inline SVG QR code for the screen (SPEC §6.1): drawn by the qrcode library,
 * named for screen readers by the address itself (role="img", aria-label and <title>), black on white
 * with a quiet zone so phones read it off a projector. Inline, so the CSP needs no image source.
 */
export async function qrSvg(text: string): Promise<string> {
  const known = cache.get(text);
  if (known) return known;
  const svg = await QRCode.toString(text, { type: "svg", errorCorrectionLevel: "M", margin: 2, color: { dark: "#000000", light: "#ffffff" } });
  const name = escapeXml(text);
  const named = svg.trim().replace(/^<svg /, `<svg class="qr" role="img" aria-label="${name}" focusable="false" `).replace(/^(<svg[^>]*>)/, `$1<title>${name}</title>`);
  cache.set(text, named);
  return named;
}
