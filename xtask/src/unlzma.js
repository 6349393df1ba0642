// LZMA ("lzma-alone") decoder for the single-file page: the wasm travels LZMA-compressed
// (about 22 % smaller than gzip -9 on this module) and is unpacked here before it is compiled.
// Written for this project from the format's description (Igor Pavlov's lzma-specification.txt):
// a range decoder, adaptive bit models, literal / match / rep states. `out` is the whole output
// (its size is known), so it doubles as the dictionary. Returns a Uint8Array; throws on corrupt input.
const unlzma = (src, size) => {
  const props = src[0];
  if (props >= 225) throw new Error("lzma: bad properties");
  const lc = props % 9, lp = ((props / 9) | 0) % 5, pb = (props / 45) | 0;
  const out = new Uint8Array(size);
  const P = (n) => new Uint16Array(n).fill(1024);
  const isMatch = P(192), isRep = P(12), isRepG0 = P(12), isRepG1 = P(12), isRepG2 = P(12);
  const isRep0Long = P(192), posSlot = P(256), posDec = P(115), align = P(16);
  const lit = P(0x300 << (lc + lp));
  const lenCoder = () => ({ c: P(2), low: P(16 << 3), mid: P(16 << 3), high: P(256) });
  const mainLen = lenCoder(), repLen = lenCoder();
  let ip = 13, range = 0xffffffff, code = 0;
  if (src[ip++] !== 0) throw new Error("lzma: bad stream");
  for (let i = 0; i < 4; i++) code = ((code << 8) | src[ip++]) >>> 0;
  // Keeps the range at 24 bits or more, shifting in the next input byte (past the end: zeros).
  const normalize = () => {
    if (range < 0x1000000) { range = (range * 256) >>> 0; code = ((code * 256) + (src[ip++] | 0)) >>> 0; }
  };
  const bit = (p, i) => {
    const v = p[i];
    const bound = (range >>> 11) * v;
    let b;
    if (code < bound) { range = bound; p[i] = v + ((2048 - v) >>> 5); b = 0; }
    else { range -= bound; code -= bound; p[i] = v - (v >>> 5); b = 1; }
    normalize();
    return b;
  };
  const tree = (p, base, n) => {
    let m = 1;
    for (let i = 0; i < n; i++) m = (m << 1) | bit(p, base + m);
    return m - (1 << n);
  };
  const rtree = (p, base, n) => {
    let m = 1, s = 0;
    for (let i = 0; i < n; i++) { const b = bit(p, base + m); m = (m << 1) | b; s |= b << i; }
    return s;
  };
  const len = (c, ps) => bit(c.c, 0) === 0 ? tree(c.low, ps << 3, 3)
    : bit(c.c, 1) === 0 ? 8 + tree(c.mid, ps << 3, 3) : 16 + tree(c.high, 0, 8);
  const pbMask = (1 << pb) - 1, lpMask = (1 << lp) - 1;
  let state = 0, rep0 = 0, rep1 = 0, rep2 = 0, rep3 = 0, pos = 0;
  while (pos < size) {
    const ps = pos & pbMask;
    if (bit(isMatch, (state << 4) + ps) === 0) {
      const prev = pos > 0 ? out[pos - 1] : 0;
      const base = 0x300 * (((pos & lpMask) << lc) + (prev >>> (8 - lc)));
      let s = 1;
      if (state >= 7) {
        let mb = out[pos - rep0 - 1];
        do {
          const m = (mb >>> 7) & 1; mb <<= 1;
          const b = bit(lit, base + ((1 + m) << 8) + s);
          s = (s << 1) | b;
          if (m !== b) break;
        } while (s < 0x100);
      }
      while (s < 0x100) s = (s << 1) | bit(lit, base + s);
      out[pos++] = s & 0xff;
      state = state < 4 ? 0 : state < 10 ? state - 3 : state - 6;
      continue;
    }
    let n;
    if (bit(isRep, state) === 0) {
      rep3 = rep2; rep2 = rep1; rep1 = rep0;
      n = len(mainLen, ps);
      state = state < 7 ? 7 : 10;
      const slot = tree(posSlot, (n < 3 ? n : 3) << 6, 6);
      if (slot < 4) rep0 = slot;
      else {
        const nd = (slot >>> 1) - 1;
        let d = ((2 | (slot & 1)) << nd) >>> 0;
        if (slot < 14) d += rtree(posDec, d - slot, nd);
        else {
          for (let i = nd - 4; i > 0; i--) {
            range >>>= 1;
            let b = 0;
            if (code >= range) { code -= range; b = 1; }
            d = ((d + (b << (i + 3))) >>> 0);
            normalize();
          }
          d = (d + rtree(align, 0, 4)) >>> 0;
        }
        rep0 = d;
        if (rep0 === 0xffffffff) break; // end-of-stream marker
      }
    } else {
      if (bit(isRepG0, state) === 0) {
        if (bit(isRep0Long, (state << 4) + ps) === 0) {
          if (pos === 0) throw new Error("lzma: corrupt stream");
          state = state < 7 ? 9 : 11;
          out[pos] = out[pos - rep0 - 1]; pos++;
          continue;
        }
      } else {
        let d;
        if (bit(isRepG1, state) === 0) d = rep1;
        else {
          if (bit(isRepG2, state) === 0) d = rep2; else { d = rep3; rep3 = rep2; }
          rep2 = rep1;
        }
        rep1 = rep0; rep0 = d;
      }
      n = len(repLen, ps);
      state = state < 7 ? 8 : 11;
    }
    let from = pos - rep0 - 1;
    if (from < 0) throw new Error("lzma: corrupt stream");
    n += 2;
    if (n > size - pos) n = size - pos;
    for (const end = pos + n; pos < end;) out[pos++] = out[from++];
  }
  if (pos !== size || ip > src.length + 4) throw new Error("lzma: truncated stream");
  return out;
};
