# gzip: 压缩的输入（如轮转后的 mysqld.log-20240312.gz），按魔数识别 (zh-CN)
gzip.corrupt = {name}：gzip 数据流已损坏或不完整，解压出 {size} 后出错；出错之前的内容已分析。
gzip.not-gzip = 文件以 gzip 魔数开头，但无法解压出任何内容（不是有效的 gzip 数据流）
gzip.unsupported = {name} 是 gzip 压缩文件：读取 .gz 文件需要较新的浏览器（支持 DecompressionStream）。请先解压（gunzip）或使用较新的浏览器。
