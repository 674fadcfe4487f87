// Tencent counts field limits in UTF-8 bytes: a CJK character is 3 bytes, most emoji 4.
const encoder = new TextEncoder();

export function utf8Bytes(value: string): number {
  return encoder.encode(value).length;
}
