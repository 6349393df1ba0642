//! The wasm module's code, split into streams before it is LZMA-packed for the single file.
//!
//! In a function body, opcodes, local indices, constants and memory offsets alternate byte by byte,
//! and a general-purpose compressor models that mix poorly: each kind of value predicts the next
//! value of the same kind far better than it predicts the next opcode. [`split`] walks every
//! instruction of the code section and moves each immediate to the stream of its kind. The page's
//! `unsplit.js` walks the opcode stream the same way and interleaves the streams back, so the
//! browser compiles byte for byte the module wasm-opt wrote ([`crate::dist`] checks this on every
//! build by running `unsplit.js` in Node.js).
//!
//! Streams, in the order they are stored:
//!
//! | stream | holds |
//! |---|---|
//! | head | the module up to and including the code section's id |
//! | op | opcodes, `0xfc`/`0xfd` sub-opcodes, memory alignments, `call` targets |
//! | get | `local.get` indices |
//! | set | `local.set` and `local.tee` indices |
//! | i32 | `i32.const` values of one or two bytes |
//! | off | memory offsets of loads |
//! | lbl | branch depths and `br_table` lists |
//! | bt | block types |
//! | i64 | `i64.const` values |
//! | misc | function count, local declarations, and every other immediate |
//! | offs | memory offsets of stores and of every SIMD memory access |
//! | i32b | `i32.const` values of three LEB128 bytes or more (addresses, mostly), as 4 big-endian bytes; such an `i32.const` is `0x06` in the op stream |
//! | tail | the module after the code section |
//!
//! Body sizes are not stored: a body ends at the `end` that closes its outermost block, and the
//! decoder writes its size back as a minimal LEB128, as wasm-opt does (checked here). Measured on
//! 2026-12-02 (a Python model of the first layout): the code section's LZMA size 222.8 → 200.6 KB. Where
//! the choice of stream was a measurement: alignments and `call` targets compress better beside
//! their opcodes (−2.0 and −2.1 KB), `local.get` apart from `local.set`/`tee` (−0.5 KB), load
//! offsets apart from store offsets (−0.5 KB), and long `i32.const` values apart from short ones
//! (−1.7 KB, with the `0x06` alias in the op stream that tells the decoder which stream to read:
//! `0x06`, the legacy `try`, is otherwise rejected).
//!
//! An opcode this file does not know (tail calls, exceptions, GC, threads) is an error that names
//! it, never a silently wrong page: extend both this file and `unsplit.js`.

use crate::wasm::{Reader, check_header};

/// Stream numbers; `unsplit.js` uses the same ones.
const HEAD: usize = 0;
const OP: usize = 1;
const GET: usize = 2;
const SET: usize = 3;
const I32: usize = 4;
const OFF: usize = 5;
const LBL: usize = 6;
const BT: usize = 7;
const I64: usize = 8;
const MISC: usize = 9;
const OFFS: usize = 10;
const I32B: usize = 11;
const TAIL: usize = 12;
const STREAMS: usize = 13;

/// Walks a code section, copying each byte it reads to the stream of its kind.
struct Splitter<'a> {
    r: Reader<'a>,
    s: [Vec<u8>; STREAMS],
}

impl Splitter<'_> {
    fn byte(&mut self, k: usize) -> Result<u8, String> {
        let v = self.r.byte()?;
        self.s[k].push(v);
        Ok(v)
    }

    fn bytes(&mut self, k: usize, n: usize) -> Result<(), String> {
        let b = self.r.bytes(n)?;
        self.s[k].extend_from_slice(b);
        Ok(())
    }

    /// Moves one LEB128 (signed or not), as it is, to stream `k`; its value read as unsigned.
    fn leb(&mut self, k: usize) -> Result<u64, String> {
        let start = self.r.i;
        let v = self.r.leb()?;
        self.s[k].extend_from_slice(&self.r.b[start..self.r.i]);
        Ok(v)
    }

    fn memarg(&mut self, off: usize) -> Result<(), String> {
        if self.leb(OP)? & 0x40 != 0 {
            return Err(format!("wasm: multi-memory memarg at byte {} is not supported", self.r.i));
        }
        self.leb(off).map(drop)
    }

    /// One function body, whose LEB128 size has been read and which ends at `end`.
    fn body(&mut self, end: usize) -> Result<(), String> {
        for _ in 0..self.leb(MISC)? {
            self.leb(MISC)?;
            let t = self.byte(MISC)?;
            if !matches!(t, 0x6f | 0x70 | 0x7b..=0x7f) {
                return Err(format!("wasm: local of type {t:#x} is not supported"));
            }
        }
        let (mut depth, mut closed) = (0u32, false);
        while self.r.i < end {
            let at = self.r.i;
            let op = self.byte(OP)?;
            match op {
                0x0b => match depth.checked_sub(1) {
                    Some(d) => depth = d,
                    None => {
                        closed = true;
                        break;
                    }
                },
                0x02..=0x04 => {
                    depth += 1;
                    self.leb(BT)?;
                }
                0x0c | 0x0d => drop(self.leb(LBL)?),
                0x0e => {
                    for _ in 0..=self.leb(LBL)? {
                        self.leb(LBL)?;
                    }
                }
                0x10 => drop(self.leb(OP)?),
                0x11 => {
                    self.leb(MISC)?;
                    self.leb(MISC)?;
                }
                0x1c => {
                    let n = self.leb(MISC)?;
                    self.bytes(MISC, n as usize)?;
                }
                0x20 => drop(self.leb(GET)?),
                0x21 | 0x22 => drop(self.leb(SET)?),
                0x23..=0x26 | 0x3f | 0x40 | 0xd2 => drop(self.leb(MISC)?),
                0x28..=0x35 => self.memarg(OFF)?,
                0x36..=0x3e => self.memarg(OFFS)?,
                0x41 => {
                    let len = self.r.b[self.r.i..].iter().take_while(|&&b| b & 0x80 != 0).count() + 1;
                    if len >= 3 {
                        // As 4 big-endian bytes: the high bytes of addresses line up (−0.9 KB).
                        *self.s[OP].last_mut().ok_or("wasm: empty op stream")? = 0x06;
                        let raw = self.r.bytes(len)?;
                        let v = sleb_i32(raw)
                            .ok_or(format!("wasm: i32.const at byte {at} is not a minimal LEB128"))?;
                        self.s[I32B].extend_from_slice(&v.to_be_bytes());
                    } else {
                        self.leb(I32)?;
                    }
                }
                0x42 => drop(self.leb(I64)?),
                0x43 => self.bytes(MISC, 4)?,
                0x44 => self.bytes(MISC, 8)?,
                0xd0 => drop(self.byte(MISC)?),
                0xfc => {
                    // Sub-opcodes 0–17: the number of LEB128 immediates of each.
                    const FC: [u8; 18] = [0, 0, 0, 0, 0, 0, 0, 0, 2, 1, 2, 1, 2, 1, 2, 1, 1, 1];
                    let sub = self.leb(OP)?;
                    let n = *FC.get(sub as usize).ok_or(format!("wasm: opcode 0xfc {sub} at byte {at}"))?;
                    for _ in 0..n {
                        self.leb(MISC)?;
                    }
                }
                0xfd => match self.leb(OP)? {
                    0..=11 | 92 | 93 => self.memarg(OFFS)?,
                    12 | 13 => self.bytes(MISC, 16)?,
                    21..=34 => drop(self.byte(MISC)?),
                    84..=91 => {
                        self.memarg(OFFS)?;
                        self.byte(MISC)?;
                    }
                    14..=20 | 35..=83 | 94..=0x113 => {}
                    sub => return Err(format!("wasm: opcode 0xfd {sub} at byte {at}")),
                },
                0x00 | 0x01 | 0x05 | 0x0f | 0x1a | 0x1b | 0x45..=0xc4 | 0xd1 => {}
                _ => {
                    return Err(format!(
                        "wasm: opcode {op:#04x} at byte {at} is not supported by the code splitter \
                         (xtask/src/wasmsplit.rs and unsplit.js)"
                    ));
                }
            }
        }
        if !closed || self.r.i != end {
            return Err(format!("wasm: a function body does not end where its size says (byte {end})"));
        }
        Ok(())
    }
}

/// The value of a signed LEB128 that is an i32 in its minimal encoding; `None` otherwise.
fn sleb_i32(raw: &[u8]) -> Option<i32> {
    let mut v = 0i64;
    for (n, b) in raw.iter().enumerate() {
        v |= i64::from(b & 0x7f) << (7 * n);
    }
    let bits = 7 * raw.len() as u32;
    if bits < 64 && raw.last()? & 0x40 != 0 {
        v -= 1 << bits;
    }
    let v = i32::try_from(v).ok()?;
    (sleb(v) == raw).then_some(v)
}

/// `v` as a minimal signed LEB128, as `unsplit.js` writes it back.
fn sleb(mut v: i32) -> Vec<u8> {
    let mut out = Vec::new();
    loop {
        let b = (v & 0x7f) as u8;
        v >>= 7;
        if (v == 0 && b & 0x40 == 0) || (v == -1 && b & 0x40 != 0) {
            out.push(b);
            return out;
        }
        out.push(b | 0x80);
    }
}

/// `wasm` as the streams described in the module docs, behind a header of little-endian u32s: the
/// module's length, the code section's length, and each stream's length.
pub fn split(wasm: &[u8]) -> Result<Vec<u8>, String> {
    check_header(wasm)?;
    let mut r = Reader { b: wasm, i: 8 };
    let (id_end, start, end) = loop {
        if r.i >= wasm.len() {
            return Err("wasm: no code section".into());
        }
        let id = r.byte()?;
        let id_end = r.i;
        let size = r.leb_minimal()? as usize;
        let start = r.i;
        r.bytes(size)?;
        if id == 10 {
            break (id_end, start, r.i);
        }
    };
    let mut sp = Splitter { r: Reader { b: &wasm[..end], i: start }, s: Default::default() };
    sp.s[HEAD].extend_from_slice(&wasm[..id_end]);
    sp.s[TAIL].extend_from_slice(&wasm[end..]);
    for _ in 0..sp.leb(MISC)? {
        let size = sp.r.leb_minimal()? as usize;
        let body_end =
            sp.r.i.checked_add(size).filter(|&e| e <= end).ok_or("wasm: truncated function body")?;
        sp.body(body_end)?;
    }
    if sp.r.i != end {
        return Err("wasm: the code section has trailing bytes".into());
    }
    let mut out = Vec::with_capacity(wasm.len() + 4 * (2 + STREAMS));
    for n in [wasm.len(), end - start].into_iter().chain(sp.s.iter().map(Vec::len)) {
        out.extend_from_slice(&u32::try_from(n).map_err(|_| "wasm: module over 4 GiB")?.to_le_bytes());
    }
    for s in &sp.s {
        out.extend_from_slice(s);
    }
    Ok(out)
}

#[cfg(test)]
pub(crate) mod tests {
    use super::*;

    use crate::wasm::put_leb as leb;

    fn section(m: &mut Vec<u8>, id: u8, body: &[u8]) {
        m.push(id);
        leb(m, body.len() as u64);
        m.extend_from_slice(body);
    }

    /// A module whose code section holds `bodies` (each without its size), plus a type, a
    /// function and a data section around it.
    pub(crate) fn module(bodies: &[Vec<u8>]) -> Vec<u8> {
        let mut m = crate::wasm::HEADER.to_vec();
        section(&mut m, 1, &[1, 0x60, 0, 0]);
        let mut funcs = Vec::new();
        leb(&mut funcs, bodies.len() as u64);
        funcs.extend(std::iter::repeat_n(0, bodies.len()));
        section(&mut m, 3, &funcs);
        let mut code = Vec::new();
        leb(&mut code, bodies.len() as u64);
        for b in bodies {
            leb(&mut code, b.len() as u64);
            code.extend_from_slice(b);
        }
        section(&mut m, 10, &code);
        section(&mut m, 11, &[1, 0, 0x41, 0, 0x0b, 3, b'a', b'b', b'c']);
        m
    }

    /// One body with an instance of every immediate kind the splitter knows, nested blocks, a
    /// body longer than 127 bytes (two-byte size) and constants of every width.
    pub(crate) fn every_kind() -> Vec<u8> {
        let mut b = vec![2, 1, 0x7f, 1, 0x7b]; // locals: 1 i32, 1 v128
        b.extend_from_slice(&[0x02, 0x40, 0x03, 0x7f, 0x04, 0x00]); // block, loop i32, if type 0
        b.extend_from_slice(&[0x0c, 0, 0x0d, 1, 0x0e, 2, 0, 1, 2]); // br, br_if, br_table
        b.extend_from_slice(&[0x05, 0x0b, 0x0b, 0x0b]); // else, end ×3
        b.extend_from_slice(&[0x10, 0x81, 0x01, 0x11, 0, 0]); // call 129, call_indirect
        b.extend_from_slice(&[0x1c, 1, 0x7f, 0x1b, 0x1a]); // select t, select, drop
        b.extend_from_slice(&[0x20, 0, 0x21, 1, 0x22, 0x80, 0x02, 0x23, 0, 0x24, 0]); // locals, globals
        b.extend_from_slice(&[0x25, 0, 0x26, 0, 0xd2, 0, 0xd0, 0x70, 0xd1]); // table, refs
        b.extend_from_slice(&[0x28, 2, 0x90, 0x4e, 0x36, 2, 8, 0x3f, 0, 0x40, 0]); // load, store, memory
        b.extend_from_slice(&[0x41, 0x7f, 0x41, 0x80, 0x80, 0xc0, 0x00, 0x42, 0x7f]); // i32/i64.const
        b.extend_from_slice(&[0x42, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0x00]);
        b.extend_from_slice(&[0x43, 1, 2, 3, 4, 0x44, 1, 2, 3, 4, 5, 6, 7, 8]); // f32/f64.const
        b.extend_from_slice(&[0xfc, 0, 0xfc, 8, 0, 0, 0xfc, 9, 0, 0xfc, 10, 0, 0, 0xfc, 11, 0]);
        b.extend_from_slice(&[0xfc, 12, 0, 0, 0xfc, 14, 0, 0, 0xfc, 17, 0]); // table ops
        b.extend_from_slice(&[0xfd, 0, 4, 0, 0xfd, 11, 4, 16, 0xfd, 12]); // v128 load, store, const
        b.extend(1..=16u8);
        b.extend_from_slice(&[0xfd, 13]); // shuffle
        b.extend(16..32u8);
        b.extend_from_slice(&[0xfd, 21, 3, 0xfd, 84, 0, 0, 1, 0xfd, 92, 2, 0, 0xfd, 0x8e, 0x01]);
        b.extend_from_slice(&[0x45, 0x6a, 0xc4, 0x00, 0x01, 0x0f, 0x0b]); // numeric, unreachable, nop, return
        b
    }

    #[test]
    fn moves_immediates_to_their_streams_and_keeps_every_byte() {
        let m = module(&[every_kind(), vec![0, 0x0b]]);
        let out = split(&m).unwrap();
        let n = |k: usize| u32::from_le_bytes(out[4 * k..4 * k + 4].try_into().unwrap()) as usize;
        assert_eq!(n(0), m.len());
        let lens: Vec<usize> = (0..STREAMS).map(|k| n(2 + k)).collect();
        assert_eq!(out.len(), 4 * (2 + STREAMS) + lens.iter().sum::<usize>());
        let mut at = 4 * (2 + STREAMS);
        let mut streams = Vec::new();
        for l in &lens {
            streams.push(&out[at..at + l]);
            at += l;
        }
        assert_eq!(streams[HEAD].last(), Some(&10));
        assert!(m.starts_with(streams[HEAD]) && m.ends_with(streams[TAIL]));
        assert_eq!(streams[GET], [0]);
        assert_eq!(streams[SET], [1, 0x80, 0x02]);
        assert_eq!(streams[LBL], [0, 1, 2, 0, 1, 2]);
        assert_eq!(streams[BT], [0x40, 0x7f, 0x00]);
        assert_eq!(streams[I32], [0x7f]);
        assert_eq!(streams[I32B], 0x0010_0000i32.to_be_bytes());
        assert_eq!(streams[OP].iter().filter(|&&b| b == 0x06).count(), 1, "the long i32.const's alias");
        assert_eq!(streams[OFF], [0x90, 0x4e]);
        assert_eq!(streams[OFFS], [8, 0, 16, 0, 0]);
        // Everything but the two sizes (the body sizes) is somewhere: stream bytes add up.
        let code_len = n(1);
        let body_sizes = 2 + 1; // every_kind() is over 127 bytes; the second body is 2
        assert_eq!(lens[1..TAIL].iter().sum::<usize>(), code_len - body_sizes);
    }

    #[test]
    fn signed_leb128_round_trips_through_four_bytes() {
        for v in [0, 1, -1, 63, 64, -64, -65, 1 << 20, 0x0010_0000, i32::MAX, i32::MIN, -123_456_789] {
            assert_eq!(sleb_i32(&sleb(v)), Some(v), "{v}");
        }
        assert_eq!(sleb_i32(&[0x80, 0x80, 0x00]), None, "padded: not minimal");
        assert_eq!(sleb_i32(&[0xff, 0xff, 0xff, 0xff, 0x7f, 0x00]), None, "not an i32");
        let err = split(&module(&[vec![0, 0x41, 0x80, 0x80, 0x00, 0x1a, 0x0b]])).unwrap_err();
        assert!(err.contains("not a minimal LEB128"), "{err}");
    }

    #[test]
    fn unknown_opcodes_and_bad_bodies_are_errors() {
        let err = split(&module(&[vec![0, 0x06, 0x40, 0x0b, 0x0b]])).unwrap_err();
        assert!(err.contains("0x06") && err.contains("not supported"), "{err}");
        let err = split(&module(&[vec![0, 0x0b, 0x01]])).unwrap_err();
        assert!(err.contains("does not end"), "{err}");
        let err = split(&module(&[vec![0, 0x02, 0x40, 0x0b]])).unwrap_err();
        assert!(err.contains("does not end"), "{err}");
        assert!(split(crate::wasm::HEADER).unwrap_err().contains("no code section"));
        let mut padded = module(&[vec![0, 0x0b]]);
        let at = padded.iter().rposition(|&b| b == 10).unwrap();
        padded.splice(at + 1..at + 2, [0x84, 0x00]);
        assert!(split(&padded).is_err());
    }
}
