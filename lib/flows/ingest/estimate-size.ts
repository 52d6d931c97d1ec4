import fs from "node:fs";
import path from "node:path";

/**
 * Bytes an import will read from a path, for the progress bar's ETA. For gzip files the
 * trailer's ISIZE field (RFC 1952 §2.3.1) gives the uncompressed size modulo 2^32.
 */
export function estimateSourceBytes(p: string): number {
  try {
    const stat = fs.statSync(p);
    if (stat.isDirectory()) {
      let total = 0;
      for (const sub of ["cur", "new"]) {
        const dir = path.join(p, sub);
        if (!fs.existsSync(dir)) continue;
        for (const f of fs.readdirSync(dir)) total += fs.statSync(path.join(dir, f)).size;
      }
      return total;
    }
    const fd = fs.openSync(p, "r");
    try {
      const magic = Buffer.alloc(2);
      fs.readSync(fd, magic, 0, 2, 0);
      if (magic[0] === 0x1f && magic[1] === 0x8b && stat.size >= 18) {
        const trailer = Buffer.alloc(4);
        fs.readSync(fd, trailer, 0, 4, stat.size - 4);
        return trailer.readUInt32LE(0);
      }
    } finally {
      fs.closeSync(fd);
    }
    return stat.size;
  } catch {
    return 0;
  }
}
