import QRCode from "qrcode";

/** A QR code of `text` drawn with block characters, for phones to scan off the consultant's screen. */
export const terminalQr = (text: string): Promise<string> => QRCode.toString(text, { type: "terminal", small: true, errorCorrectionLevel: "M" });
