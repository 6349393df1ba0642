// Rebuilds the wasm module from the streams of xtask/src/wasmsplit.rs (see its docs): walks the
// opcode stream and takes each immediate from the stream of its kind, in the same order the
// splitter stored them. Body sizes are written back as minimal LEB128s. Returns a Uint8Array.
const unsplit = (src) => {
  const v = new DataView(src.buffer, src.byteOffset, src.byteLength);
  const size = v.getUint32(0, true);
  // Streams: 0 head, 1 op, 2 get, 3 set, 4 i32, 5 off, 6 lbl, 7 bt, 8 i64, 9 misc, 10 offs,
  // 11 i32b, 12 tail.
  const at = [];
  for (let k = 0, p = 60; k < 13; k++) { at.push(p); p += v.getUint32(8 + 4 * k, true); }
  const out = new Uint8Array(size + 8);
  let o = 0;
  const copy = (k, n) => { out.set(src.subarray(at[k], at[k] + n), o); at[k] += n; o += n; };
  const byte = (k) => (out[o++] = src[at[k]++]);
  // Copies one LEB128 from stream k; returns its value (exact for the small ones it is used for).
  const leb = (k) => { let r = 0, m = 1, b; do { b = byte(k); r += (b & 127) * m; m *= 128; } while (b & 128); return r; };
  const putLeb = (n) => { do { let b = n % 128; n = Math.floor(n / 128); out[o++] = n ? b | 128 : b; } while (n); };
  const memarg = (k) => { leb(1); leb(k); };
  // A count larger than the input cannot be right: corrupt streams are an error, never a hang.
  const count = (n) => { if (n > src.length) throw new Error("unsplit: corrupt streams"); return n; };
  const FC = [0, 0, 0, 0, 0, 0, 0, 0, 2, 1, 2, 1, 2, 1, 2, 1, 1, 1];
  const body = () => {
    for (let n = count(leb(9)); n > 0; n--) { leb(9); byte(9); }
    for (let depth = 0; ;) {
      const op = byte(1);
      if (op === undefined) throw new Error("unsplit: truncated streams");
      if (op === 0x0b) { if (depth-- === 0) return; }
      else if (op >= 2 && op <= 4) { depth++; leb(7); }
      else if (op === 0x0c || op === 0x0d) leb(6);
      else if (op === 0x0e) { for (let n = count(leb(6)); n >= 0; n--) leb(6); }
      else if (op === 0x10) leb(1);
      else if (op === 0x11) { leb(9); leb(9); }
      else if (op === 0x1c) copy(9, count(leb(9)));
      else if (op === 0x20) leb(2);
      else if (op === 0x21 || op === 0x22) leb(3);
      else if ((op >= 0x23 && op <= 0x26) || op === 0x3f || op === 0x40 || op === 0xd2) leb(9);
      else if (op >= 0x28 && op <= 0x35) memarg(5);
      else if (op >= 0x36 && op <= 0x3e) memarg(10);
      else if (op === 0x41) leb(4);
      else if (op === 6) { // an i32.const of three LEB128 bytes or more: 4 big-endian bytes
        out[o - 1] = 0x41;
        const p = at[11];
        let n = (src[p] << 24) | (src[p + 1] << 16) | (src[p + 2] << 8) | src[p + 3];
        at[11] = p + 4;
        for (;;) {
          const b = n & 127;
          n >>= 7;
          if ((n === 0 && !(b & 64)) || (n === -1 && (b & 64))) { out[o++] = b; break; }
          out[o++] = b | 128;
        }
      }
      else if (op === 0x42) leb(8);
      else if (op === 0x43) copy(9, 4);
      else if (op === 0x44) copy(9, 8);
      else if (op === 0xd0) byte(9);
      else if (op === 0xfc) { for (let n = FC[leb(1)]; n > 0; n--) leb(9); }
      else if (op === 0xfd) {
        const s = leb(1);
        if (s <= 11 || s === 92 || s === 93) memarg(10);
        else if (s === 12 || s === 13) copy(9, 16);
        else if (s >= 21 && s <= 34) byte(9);
        else if (s >= 84 && s <= 91) { memarg(10); byte(9); }
      }
    }
  };
  copy(0, v.getUint32(8, true));
  putLeb(v.getUint32(4, true));
  for (let n = count(leb(9)); n > 0; n--) {
    // The body is decoded 5 bytes on (room for its size), then moved back behind its size.
    const start = o;
    o += 5;
    body();
    const len = o - start - 5;
    o = start;
    putLeb(len);
    out.copyWithin(o, start + 5, start + 5 + len);
    o += len;
  }
  copy(12, v.getUint32(56, true));
  if (o !== size) throw new Error("unsplit: the streams do not make the module");
  return out.subarray(0, size);
};
