# gzip: compressed inputs (a rotated mysqld.log-20240312.gz), recognised by their magic bytes (en)
gzip.corrupt = {name}: the gzip stream is corrupt or cut short after {size} decompressed; what came before that point was analysed.
gzip.not-gzip = it starts with the gzip magic bytes but nothing could be decompressed (not a valid gzip stream)
gzip.unsupported = {name} is gzip-compressed: reading .gz files needs a current browser (with DecompressionStream). Decompress it first (gunzip) or use a newer browser.
