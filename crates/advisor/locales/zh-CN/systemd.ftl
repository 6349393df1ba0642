# systemd messages (zh-CN)

# Document labels
systemd.label-unit = systemd unit {unit}
systemd.label-unit-described = systemd unit“{description}”
systemd.label-unit-unnamed = systemd unit
systemd.label-dropin = systemd drop-in 文件 {path}（属于 {unit}）
systemd.label-dropin-unnamed = systemd drop-in 文件 {path}
systemd.label-cat = systemctl cat {unit}
systemd.label-cat-dropin = systemctl cat {unit} + 1 个 drop-in
systemd.label-cat-dropins = systemctl cat {unit} + {count} 个 drop-in
systemd.label-cat-units = systemctl cat：{count} 个 unit（{units}）
systemd.label-cat-masked = systemctl cat：{unit} 已被屏蔽（masked）
systemd.label-cat-empty = systemctl cat（没有 unit 文件）
systemd.label-show = systemctl show {unit}（{count} 个属性）
systemd.label-show-units = systemctl show：{units} 个 unit（{count} 个属性）

# Syntax problems (systemd logs a warning and ignores the line)
systemd.problem-dangling-continuation = 第 {line} 行：最后一行以反斜杠（续行符）结尾，但后面没有内容。
systemd.problem-unknown-section = 第 {line} 行：未知的节 [{section}]，systemd 会忽略其中的所有设置（"Unknown section '{section}'. Ignoring."）。
systemd.problem-bad-section = 第 {line} 行：节标题 {text} 格式错误，systemd 不接受。
systemd.problem-missing-equals = 第 {line} 行："{text}" 中没有 "="，systemd 会忽略这一行（"Missing '=', ignoring line."）。
systemd.problem-missing-key = 第 {line} 行：该行以 "=" 开头，缺少键名，systemd 会忽略它。
systemd.problem-outside-section = 第 {line} 行：{key}= 出现在任何 [节] 标题之前，systemd 会忽略它（"Assignment outside of section. Ignoring."）。
systemd.problem-masked = 第 {line} 行：unit {unit} 已被屏蔽（链接到 /dev/null），systemd 根本不会启动它。
systemd.problem-not-loaded = 第 {line} 行：unit {unit} 无法加载。
systemd.problem-show-exec = 第 {line} 行：{name}= 的命令块缺少结尾的 "}}"。
