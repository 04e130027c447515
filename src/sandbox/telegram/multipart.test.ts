import { describe, expect, it } from "vitest";
import { parseMultipart } from "./multipart.js";

const BOUNDARY = "grammy0123456789";
const CONTENT_TYPE = `multipart/form-data; boundary=${BOUNDARY}`;

/** File bytes with a byte above 127, a CRLF and a NUL inside: they must come back unchanged. */
const PHOTO = Buffer.from([
  0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0xff, 0x00, 0x0d, 0x0a, 0x0d, 0x0a, 0x80, 0x7f,
]);

/** A body laid out exactly as grammY writes it (lower-case headers, no spaces, unquoted filename). */
function grammyBody(file: Buffer): Buffer {
  return Buffer.concat([
    Buffer.from(`--${BOUNDARY}\r\n`),
    Buffer.from(`content-disposition:form-data;name="chat_id"\r\n\r\n12345`),
    Buffer.from(`\r\n--${BOUNDARY}\r\n`),
    Buffer.from(`content-disposition:form-data;name="photo"\r\n\r\nattach://abc123`),
    Buffer.from(`\r\n--${BOUNDARY}\r\n`),
    Buffer.from(
      `content-disposition:form-data;name="abc123";filename=qris.png\r\ncontent-type:application/octet-stream\r\n\r\n`,
    ),
    file,
    Buffer.from(`\r\n--${BOUNDARY}--\r\n`),
  ]);
}

describe("parseMultipart: reading what grammY uploads", () => {
  it("reads every field and file grammY sends", () => {
    const parts = parseMultipart(grammyBody(PHOTO), CONTENT_TYPE);
    expect(parts.map((p) => p.name)).toEqual(["chat_id", "photo", "abc123"]);
    expect(parts[0]!.data.toString()).toBe("12345");
    expect(parts[0]!.filename).toBeUndefined();
    expect(parts[1]!.data.toString()).toBe("attach://abc123");
  });

  it("reads an unquoted filename and a header with no space after the colon", () => {
    const file = parseMultipart(grammyBody(PHOTO), CONTENT_TYPE)[2]!;
    expect(file.name).toBe("abc123");
    expect(file.filename).toBe("qris.png");
    expect(file.contentType).toBe("application/octet-stream");
  });

  it("returns the exact file bytes, including bytes above 127 and CRLF inside the data", () => {
    const file = parseMultipart(grammyBody(PHOTO), CONTENT_TYPE)[2]!;
    expect(file.data.equals(PHOTO)).toBe(true);
  });

  it("keeps a CRLF that ends the file data itself", () => {
    const endsWithCrlf = Buffer.concat([PHOTO, Buffer.from("\r\n")]);
    const file = parseMultipart(grammyBody(endsWithCrlf), CONTENT_TYPE)[2]!;
    expect(file.data.equals(endsWithCrlf)).toBe(true);
  });
});

describe("parseMultipart: the conventional layout", () => {
  const boundary = "----formdata-undici-0.5";
  const body = Buffer.concat([
    Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="caption"\r\n\r\nQRIS Rp 15.000\r\n`),
    Buffer.from(
      `--${boundary}\r\nContent-Disposition: form-data; name="photo"; filename="qris code.png"\r\nContent-Type: image/png\r\n\r\n`,
    ),
    PHOTO,
    Buffer.from(`\r\n--${boundary}--\r\n`),
  ]);

  it("reads quoted names and filenames with spaces, and a quoted boundary", () => {
    const parts = parseMultipart(body, `multipart/form-data; boundary="${boundary}"`);
    expect(parts).toHaveLength(2);
    expect(parts[0]).toMatchObject({ name: "caption", filename: undefined });
    expect(parts[0]!.data.toString()).toBe("QRIS Rp 15.000");
    expect(parts[1]).toMatchObject({ name: "photo", filename: "qris code.png", contentType: "image/png" });
    expect(parts[1]!.data.equals(PHOTO)).toBe(true);
  });

  it("does not mistake the filename for the field name", () => {
    const reordered = Buffer.from(
      `--${boundary}\r\nContent-Disposition: form-data; filename="doc.pdf"; name="document"\r\n\r\nPDF\r\n--${boundary}--\r\n`,
    );
    const [part] = parseMultipart(reordered, `multipart/form-data; boundary=${boundary}`);
    expect(part).toMatchObject({ name: "document", filename: "doc.pdf" });
  });

  it("returns nothing when the content type has no boundary", () => {
    expect(parseMultipart(body, "multipart/form-data")).toEqual([]);
  });
});
