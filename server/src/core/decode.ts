/**
 * A draft's bytes as text, the way editors open them: UTF-8 (a byte-order mark is not
 * part of the text), or UTF-16 little- or big-endian with its byte-order mark. Anything
 * else (Latin-1, a binary file) is said, with the line of the first byte that is not
 * UTF-8, never read as garbage or as an empty draft. Shared by the CLI and the server's
 * workspace index.
 */
export type Decoded = { text: string } | { notUtf8: { line: number } };

const utf8 = new TextDecoder('utf-8', { fatal: true });

export function decodeDraft(bytes: ArrayBufferView & ArrayLike<number>): Decoded {
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return { text: new TextDecoder('utf-16le').decode(bytes) };
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return { text: new TextDecoder('utf-16be').decode(bytes) };
  try {
    // The decoder drops a UTF-8 byte-order mark itself.
    return { text: utf8.decode(bytes) };
  } catch {
    return { notUtf8: { line: lineOfFirstInvalidByte(bytes) } };
  }
}

/** One-based line of the first byte that does not belong to a UTF-8 sequence. */
function lineOfFirstInvalidByte(bytes: ArrayLike<number>): number {
  let line = 1;
  for (let i = 0; i < bytes.length; ) {
    const b = bytes[i]!;
    const length = b < 0x80 ? 1 : b >= 0xc2 && b < 0xe0 ? 2 : b >= 0xe0 && b < 0xf0 ? 3 : b >= 0xf0 && b < 0xf5 ? 4 : 0;
    if (length === 0 || i + length > bytes.length) return line;
    for (let k = 1; k < length; k++) if ((bytes[i + k]! & 0xc0) !== 0x80) return line;
    // Over-long and surrogate forms are invalid too: the decoder refused the whole, so the
    // first of those is the first bad byte when no simpler one came before.
    if (length === 3 && ((b === 0xe0 && bytes[i + 1]! < 0xa0) || (b === 0xed && bytes[i + 1]! >= 0xa0))) return line;
    if (length === 4 && ((b === 0xf0 && bytes[i + 1]! < 0x90) || (b === 0xf4 && bytes[i + 1]! >= 0x90))) return line;
    if (b === 0x0a || (b === 0x0d && bytes[i + 1] !== 0x0a)) line++;
    i += length;
  }
  return line;
}
