import QRCode from "qrcode";

/** Renders a QRIS payload string to a PNG that phones scan reliably from a chat photo. */
export async function renderQrPng(payload: string): Promise<Buffer> {
  return QRCode.toBuffer(payload, { type: "png", errorCorrectionLevel: "M", margin: 2, width: 512 });
}
