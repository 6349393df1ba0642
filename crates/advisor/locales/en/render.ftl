# render messages (en): the text and Markdown renderers and the command-line interface.
render.title = mysql-advisor report
render.verdict-clone-restart = Will a clone's automatic restart work?
render.verdict-replica-crash-safe = Is the replica crash-safe?
render.clone-restart-works = works
render.clone-restart-fails = fails (ERROR 3707)
render.clone-restart-stays-down = stays down (nothing restarts mysqld)
render.clone-restart-unknown = unknown
render.clone-restart-not-applicable = does not apply (no clone on this server)
render.crash-safe-yes = yes
render.crash-safe-no = no
render.crash-safe-unknown = unknown
render.question = Question
render.answer = Answer
render.missing = To decide, paste:
render.assumptions = Assumed:
render.answer-tentative = {answer}, most likely (see "Unless")
render.answer-but = {answer}, with caveats (see "But")
render.caveats-but = But:
render.caveats-unless = Unless (the answer may not hold):
render.based-on = Based on:
render.findings = Findings
render.no-findings = No problems found.
render.nothing-checked = Nothing was checked: nothing in the input was recognised (see below for what can be pasted).
render.severity-error = error
render.severity-warning = warning
render.severity-info = info
render.channel = channel '{channel}'
render.default-channel = the default channel
render.connection = connection '{channel}'
render.default-connection = the default connection
render.evidence = Evidence
render.line = line {line}
render.lines = lines {start}–{end}
render.fix = Fix
render.step = Step {n}
render.fix-meta = ({target}, {applicability})
render.file = File: {file}
render.applicability-safe = safe
render.applicability-needs-review = review first
render.applicability-display-only = for illustration, adapt before use
render.target-systemd-dropin = systemd drop-in
render.target-my-cnf = option file
render.target-sql = SQL
render.target-shell = shell
render.target-launcher-file = launcher file
render.references = References
render.recognised = Recognised
render.not-recognised = Not recognised
render.nothing-recognised =
    Nothing was recognised. Paste systemd units (systemctl cat / show), my.cnf, SHOW REPLICA STATUS\G,
    SHOW VARIABLES output, error-log lines or the client error.
render.nothing-given = No input was given.
render.input = Input
render.lines-header = Lines
render.kind = Kind
render.what = What
render.problem = parse problem: {problem}
render.notes = Notes
render.checks = Checks
render.checks-passed = Passed ({n})
render.checks-unknown = Could not decide ({n})
render.checks-not-applicable = Not applicable: {n}
render.server = Server
render.unit = unit {unit}
render.channels = channels: {channels}
render.connections = connections: {channels}
render.summary-none = No findings.
render.errors-one = 1 error
render.errors-other = {n} errors
render.warnings-one = 1 warning
render.warnings-other = {n} warnings
render.infos-one = 1 info
render.infos-other = {n} info
render.note-masked = Input "{input}" contains passwords or credentials; they are shown as **** everywhere in this report.
render.cli-help =
    mysql-advisor {version} — why a MySQL clone's automatic restart fails (ERROR 3707), and whether a
    replica is crash-safe.

    Usage:
      mysql-advisor check [FILE…|-] [OPTIONS]
      mysql-advisor explain RULE [--lang en|zh-CN]
      mysql-advisor rules [--format text|json|markdown] [--lang en|zh-CN]

    check reads what your terminal shows — systemd units (systemctl cat / show), my.cnf,
    my_print_defaults, mysqld-auto.cnf, SHOW REPLICA STATUS\G, SHOW VARIABLES, performance_schema
    tables, error-log lines, client errors — from every FILE, analysed together as one server.
    With no FILE, or with '-', it reads standard input. Passwords are masked in every output.

    Options:
      -f, --format text|json|markdown    output format (default: text); json is documented in
                                         docs/report-schema.md
      -l, --lang en|zh-CN                language (default: from LC_ALL / LC_MESSAGES / LANG, else en)
          --fail-on error|warning|info|never
                                         exit with 1 when a finding is at least this severe
                                         (default: error)
          --color auto|always|never      colour (default: auto = on a terminal, unless NO_COLOR is set)
      -h, --help                         print this help
      -V, --version                      print the version

    Exit codes:
      0  no finding reaches --fail-on
      1  at least one finding reaches --fail-on
      2  usage error, unknown rule, or an input that cannot be read

    Examples:
      systemctl cat mysqld | mysql-advisor check
      mysql-advisor check /etc/my.cnf replica-status.txt --fail-on warning
      mysql -e 'SHOW REPLICA STATUS\G' | mysql-advisor check --format json
      mysql-advisor explain restart-unsupervised
render.cli-error = error
render.cli-cannot-read = cannot read '{file}': {reason}
render.cli-cannot-write = cannot write the output
render.cli-unknown-option = unknown option '{option}'
render.cli-missing-value = option '{option}' needs a value
render.cli-bad-value = invalid value '{value}' for '{option}' (expected one of: {expected})
render.cli-unexpected-argument = unexpected argument '{argument}'
render.cli-unknown-command = unknown command '{command}'
render.cli-no-command = no command given
render.cli-unknown-rule = unknown rule '{rule}'
render.cli-did-you-mean = ; did you mean '{suggestion}'?
render.cli-missing-rule = explain needs a rule id (see 'mysql-advisor rules')
render.cli-stdin-terminal = no input: give FILE arguments or pipe text on standard input
render.cli-stdin-closed = standard input is closed
render.cli-try-help = (see 'mysql-advisor --help')
render.cli-rules-id = id
render.cli-rules-family = family
render.cli-rules-name = name
render.evidence-omitted = … and {count} more pieces of evidence (repeated lines), not shown.
render.channels-omitted = {count} more
