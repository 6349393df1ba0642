# render messages (zh-CN)：文本与 Markdown 渲染器、命令行界面。
render.title = mysql-advisor 诊断报告
render.verdict-clone-restart = 克隆完成后的自动重启能成功吗？
render.verdict-replica-crash-safe = 从库是崩溃安全的吗？
render.clone-restart-works = 能
render.clone-restart-fails = 失败（ERROR 3707）
render.clone-restart-stays-down = 服务停止后不会被重新拉起
render.clone-restart-unknown = 无法判断
render.clone-restart-not-applicable = 不适用（该服务器不支持克隆）
render.crash-safe-yes = 是
render.crash-safe-no = 否
render.crash-safe-unknown = 无法判断
render.question = 问题
render.answer = 结论
render.missing = 要得出结论，请粘贴：
render.assumptions = 假设：
render.answer-tentative = {answer}（很可能如此，见“除非”）
render.answer-but = {answer}（附有条件，见“但是”）
render.caveats-but = 但是：
render.caveats-unless = 除非（这一结论可能不成立）：
render.based-on = 依据：
render.findings = 发现的问题
render.nothing-checked = 没有做任何检查：输入中没有可识别的内容（可粘贴的内容见下文）。
render.no-findings = 未发现问题。
render.severity-error = 错误
render.severity-warning = 警告
render.severity-info = 提示
render.channel = 通道 '{channel}'
render.default-channel = 默认通道
render.connection = 复制连接 '{channel}'
render.default-connection = 默认复制连接
render.evidence = 证据
render.line = 第 {line} 行
render.lines = 第 {start}–{end} 行
render.fix = 修复
render.step = 第 {n} 步
render.fix-meta = （{target}，{applicability}）
render.file = 文件：{file}
render.applicability-safe = 可直接应用
render.applicability-needs-review = 应用前请先确认
render.applicability-display-only = 仅供参考，需按实际情况修改
render.target-systemd-dropin = systemd drop-in
render.target-my-cnf = 选项文件
render.target-sql = SQL
render.target-shell = shell
render.target-launcher-file = 启动器文件
render.references = 参考资料
render.recognised = 已识别
render.not-recognised = 未识别
render.nothing-recognised =
    未识别出任何内容。请粘贴 systemd unit（systemctl cat / show）、my.cnf、SHOW REPLICA STATUS\G、
    SHOW VARIABLES 输出、错误日志行或客户端报错。
render.nothing-given = 没有输入。
render.input = 输入
render.lines-header = 行号
render.kind = 类型
render.what = 内容
render.problem = 解析问题：{problem}
render.notes = 说明
render.checks = 检查项
render.checks-passed = 通过（{n}）
render.checks-unknown = 无法判断（{n}）
render.checks-not-applicable = 不适用：{n}
render.server = 服务器
render.unit = unit {unit}
render.channels = 通道：{channels}
render.connections = 复制连接：{channels}
render.summary-none = 没有发现问题。
render.errors-one = 1 个错误
render.errors-other = {n} 个错误
render.warnings-one = 1 个警告
render.warnings-other = {n} 个警告
render.infos-one = 1 条提示
render.infos-other = {n} 条提示
render.note-masked = 输入“{input}”中含有密码或凭据；本报告中所有位置都已显示为 ****。
render.cli-help =
    mysql-advisor {version} — 诊断 MySQL 克隆后自动重启失败（ERROR 3707）的原因，并判断从库是否崩溃安全。

    用法：
      mysql-advisor check [FILE…|-] [选项]
      mysql-advisor explain RULE [--lang en|zh-CN]
      mysql-advisor rules [--format text|json|markdown] [--lang en|zh-CN]

    check 读取终端里看到的内容 —— systemd unit（systemctl cat / show）、my.cnf、my_print_defaults、
    mysqld-auto.cnf、SHOW REPLICA STATUS\G、SHOW VARIABLES、performance_schema 表、错误日志行、
    客户端报错 —— 所有 FILE 作为同一台服务器一起分析。不给 FILE 或 FILE 为 '-' 时读取标准输入。
    所有输出中的密码都会被遮蔽。

    选项：
      -f, --format text|json|markdown    输出格式（默认 text）；json 格式见 docs/report-schema.md
      -l, --lang en|zh-CN                语言（默认取自 LC_ALL / LC_MESSAGES / LANG，否则为 en）
          --fail-on error|warning|info|never
                                         存在不低于该级别的问题时以 1 退出（默认 error）
          --color auto|always|never      彩色输出（默认 auto：仅在终端上且未设置 NO_COLOR 时）
      -h, --help                         显示本帮助
      -V, --version                      显示版本

    退出码：
      0  没有达到 --fail-on 级别的问题
      1  至少有一个问题达到 --fail-on 级别
      2  用法错误、未知规则或输入无法读取

    示例：
      systemctl cat mysqld | mysql-advisor check
      mysql-advisor check /etc/my.cnf replica-status.txt --fail-on warning
      mysql -e 'SHOW REPLICA STATUS\G' | mysql-advisor check --format json
      mysql-advisor explain restart-unsupervised
render.cli-error = 错误
render.cli-cannot-read = 无法读取 '{file}'：{reason}
render.cli-cannot-write = 无法写出结果
render.cli-unknown-option = 未知选项 '{option}'
render.cli-missing-value = 选项 '{option}' 需要一个值
render.cli-bad-value = 选项 '{option}' 的值 '{value}' 无效（可选：{expected}）
render.cli-unexpected-argument = 多余的参数 '{argument}'
render.cli-unknown-command = 未知命令 '{command}'
render.cli-no-command = 没有指定命令
render.cli-unknown-rule = 未知规则 '{rule}'
render.cli-did-you-mean = ；您是不是要找 '{suggestion}'？
render.cli-missing-rule = explain 需要一个规则 id（见 'mysql-advisor rules'）
render.cli-stdin-terminal = 没有输入：请给出 FILE 参数，或通过标准输入传入文本
render.cli-stdin-closed = 标准输入已关闭
render.cli-try-help = （见 'mysql-advisor --help'）
render.cli-rules-id = id
render.cli-rules-family = 类别
render.cli-rules-name = 名称
render.evidence-omitted = ……另有 {count} 条证据（重复的行），未显示。
render.channels-omitted = 另有 {count} 个
