import { inflateRawSync } from "node:zlib";
import { expect } from "vitest";
import { crc32 } from "../../src/render/xlsx.js";

/** The entries of a zip archive, read from its central directory (stored sizes, deflated data). */
export function unzip(buf: Buffer): Map<string, string> {
  const end = buf.lastIndexOf(Buffer.from([0x50, 0x4b, 0x05, 0x06]));
  const count = buf.readUInt16LE(end + 10);
  let at = buf.readUInt32LE(end + 16);
  const out = new Map<string, string>();
  for (let i = 0; i < count; i++) {
    expect(buf.readUInt32LE(at)).toBe(0x02014b50);
    const packed = buf.readUInt32LE(at + 20);
    const size = buf.readUInt32LE(at + 24);
    const nameLength = buf.readUInt16LE(at + 28);
    const local = buf.readUInt32LE(at + 42);
    const name = buf.toString("utf8", at + 46, at + 46 + nameLength);
    const dataAt = local + 30 + buf.readUInt16LE(local + 26) + buf.readUInt16LE(local + 28);
    const data = inflateRawSync(buf.subarray(dataAt, dataAt + packed));
    expect(data.length).toBe(size);
    expect(crc32(data)).toBe(buf.readUInt32LE(at + 16));
    out.set(name, data.toString("utf8"));
    at += 46 + nameLength;
  }
  return out;
}

