/**
 * Reads a request body as UTF-8 text with a size limit. A body whose Content-Length is over the limit
 * is refused before a byte is read; a body without one (chunked) is read chunk by chunk and the stream
 * is cancelled as soon as the limit is passed, so an oversized body is never held in memory whole.
 */

import { decodeUtf8 } from '../household/decode.ts';

export type BodyResult =
  | { readonly ok: true; readonly text: string }
  | { readonly ok: false; readonly reason: 'too-large' | 'unreadable' }
  | { readonly ok: false; readonly reason: 'not-utf8'; readonly offset: number };

export async function readBodyText(request: Request, maxBytes: number): Promise<BodyResult> {
  const declared = request.headers.get('content-length');
  if (declared !== null && /^[0-9]+$/.test(declared.trim()) && Number(declared.trim()) > maxBytes) return { ok: false, reason: 'too-large' };
  if (request.body === null) return { ok: true, text: '' };
  const reader = request.body.getReader();
  const chunks: Uint8Array[] = [];
  let size = 0;
  try {
    for (;;) {
      const { done, value } = await reader.read();
      if (done) break;
      size += value.byteLength;
      if (size > maxBytes) {
        await reader.cancel().catch(() => undefined);
        return { ok: false, reason: 'too-large' };
      }
      chunks.push(value);
    }
  } catch {
    return { ok: false, reason: 'unreadable' };
  }
  const bytes = new Uint8Array(size);
  let offset = 0;
  for (const chunk of chunks) {
    bytes.set(chunk, offset);
    offset += chunk.byteLength;
  }
  // The one decoding rule of calculate, batch and the API (household/decode.ts).
  const decoded = decodeUtf8(bytes);
  return decoded.ok ? { ok: true, text: decoded.text } : { ok: false, reason: 'not-utf8', offset: decoded.offset };
}
