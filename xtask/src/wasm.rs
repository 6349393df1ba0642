//! What `imports.rs` and `wasmsplit.rs` share to read and write a wasm module: the header check,
//! a byte reader and LEB128s.

/// The magic number and version 1, the first 8 bytes of every module this project builds.
pub const HEADER: &[u8; 8] = b"\0asm\x01\0\0\0";

/// Fails unless `wasm` starts with [`HEADER`].
pub fn check_header(wasm: &[u8]) -> Result<(), String> {
    if wasm.get(..8) == Some(HEADER.as_slice()) { Ok(()) } else { Err("wasm: not a version-1 module".into()) }
}

/// Reads a module's bytes from `i` on; every read past the end is an error.
pub struct Reader<'a> {
    pub b: &'a [u8],
    pub i: usize,
}

impl<'a> Reader<'a> {
    pub fn byte(&mut self) -> Result<u8, String> {
        let v = *self.b.get(self.i).ok_or("wasm: truncated")?;
        self.i += 1;
        Ok(v)
    }

    pub fn leb(&mut self) -> Result<u64, String> {
        let (mut v, mut shift) = (0u64, 0);
        loop {
            let b = self.byte()?;
            if shift > 63 {
                return Err("wasm: LEB128 too long".into());
            }
            v |= u64::from(b & 0x7f) << shift;
            shift += 7;
            if b & 0x80 == 0 {
                return Ok(v);
            }
        }
    }

    /// A LEB128 that must be in its minimal encoding (as wasm-opt writes sizes), else an error.
    pub fn leb_minimal(&mut self) -> Result<u64, String> {
        let start = self.i;
        let v = self.leb()?;
        let mut minimal = Vec::new();
        put_leb(&mut minimal, v);
        if minimal.len() != self.i - start {
            return Err(format!("wasm: the LEB128 at byte {start} is not minimal"));
        }
        Ok(v)
    }

    pub fn bytes(&mut self, n: usize) -> Result<&'a [u8], String> {
        let end = self.i.checked_add(n).filter(|&e| e <= self.b.len()).ok_or("wasm: truncated")?;
        let s = &self.b[self.i..end];
        self.i = end;
        Ok(s)
    }

    pub fn name(&mut self) -> Result<&'a [u8], String> {
        let n = self.leb()? as usize;
        self.bytes(n)
    }

    /// Skips table or memory limits: a flags byte, the minimum, and the maximum when flagged.
    pub fn limits(&mut self) -> Result<(), String> {
        let flags = self.byte()?;
        self.leb()?;
        if flags & 1 != 0 {
            self.leb()?;
        }
        Ok(())
    }
}

/// Appends `v` as a minimal unsigned LEB128.
pub fn put_leb(out: &mut Vec<u8>, mut v: u64) {
    loop {
        let b = (v & 0x7f) as u8;
        v >>= 7;
        if v == 0 {
            out.push(b);
            return;
        }
        out.push(b | 0x80);
    }
}
