/**
 * A tolerant multipart/form-data reader. Telegram accepts what grammY sends (lower-case headers
 * without spaces, unquoted filenames, files referenced as `attach://<name>`), while undici's parser
 * rejects it; the emulator must accept what Telegram accepts.
 */
export interface Part {
  name: string;
  filename: string | undefined;
  contentType: string | undefined;
  data: Buffer;
}

export function parseMultipart(body: Buffer, contentType: string): Part[] {
  const boundary = /boundary=(?:"([^"]+)"|([^;]+))/i.exec(contentType);
  if (!boundary) return [];
  const delimiter = Buffer.from(`--${(boundary[1] ?? boundary[2])!.trim()}`);
  const parts: Part[] = [];
  let start = body.indexOf(delimiter);
  while (start !== -1) {
    const next = body.indexOf(delimiter, start + delimiter.length);
    if (next === -1) break;
    const chunk = body.subarray(start + delimiter.length, next);
    start = next;
    const headerEnd = chunk.indexOf("\r\n\r\n");
    if (headerEnd === -1) continue;
    const headers = chunk.subarray(0, headerEnd).toString("utf8");
    let data = chunk.subarray(headerEnd + 4);
    if (data.subarray(-2).toString() === "\r\n") data = data.subarray(0, -2);
    const name = /name\s*=\s*(?:"([^"]*)"|([^;\r\n]+))/i.exec(
      headers.replace(/filename\s*=\s*(?:"[^"]*"|[^;\r\n]+)/i, ""),
    );
    if (!name) continue;
    const filename = /filename\s*=\s*(?:"([^"]*)"|([^;\r\n]+))/i.exec(headers);
    const type = /content-type\s*:\s*([^\r\n]+)/i.exec(headers);
    parts.push({
      name: (name[1] ?? name[2])!.trim(),
      filename: filename ? (filename[1] ?? filename[2])!.trim() : undefined,
      contentType: type?.[1]?.trim(),
      data,
    });
  }
  return parts;
}
