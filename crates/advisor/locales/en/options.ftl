# options messages (en): option files, my_print_defaults, mysqld-auto.cnf, effective settings.

## Document labels
options.label-file = option file {name}, groups {groups}
options.label-snippet = option file, groups {groups}
options.label-includes-only = option file {name} (only !include lines, {includes})
options.label-includes-only-unnamed = option file (only !include lines, {includes})
options.label-no-groups = option file {name} (no [group] headers)
options.label-no-groups-unnamed = option file (no [group] headers)
options.label-print-defaults = my_print_defaults output, options: {count}
options.label-print-defaults-groups = my_print_defaults {groups} output, options: {count}
options.label-auto-cnf = mysqld-auto.cnf (SET PERSIST, format version {version}), persisted variables: {count}

## Syntax problems (the parser carried on)
options.problem-group-unclosed = "{line}": a group header without its closing "]". MySQL refuses to start with "Wrong group definition in config file".
options.problem-group-name = "{line}": not a valid group name.
options.problem-directive = "{line}": unknown directive; only !include FILE and !includedir DIR exist.
options.problem-key = "{line}": not an option line (an option name is letters, digits, "-" and "_", optionally followed by "= value").
options.problem-no-group = "{key}" comes before any [group] header. MySQL refuses such a file ("Found option without preceding group in config file").
options.problem-prefix-value-ignored = "{key}={value}": a skip- or disable- option ignores its value; the option is always set to OFF.
options.problem-json-unexpected = Unexpected "{token}" in the JSON; the rest of the file was read as far as possible.
options.problem-json-unterminated = The JSON ends before its closing brace: the file is cut off or was pasted in part. The server refuses to start with a malformed mysqld-auto.cnf.

## Notes on how settings were resolved
options.note-suffix-ambiguous = The option files hold groups for several instances ({suffixes}) and no --defaults-group-suffix was found on the mysqld command line, so none of those groups were counted. Paste the unit (systemctl cat) so the instance can be told.
options.note-suffix-unresolved = mysqld is started with --defaults-group-suffix={suffix} from a template unit whose instance name is not known, so the option groups of each instance ([mysqld@…]) could not be attributed. Paste systemctl cat with the instance name (systemctl cat mysqld@NAME).
options.note-group-ignored-version = Not read by a {version} server (it reads only the [mysqld-X.Y] group of its own release series), so their options were not counted: {groups}.
options.note-group-ignored = Not read by this server (another instance's group suffix, or the other server flavour), so their options were not counted: {groups}.
options.note-group-assumed-version = The server version is unknown, so these groups were assumed to match it and their options were counted: {groups}. Paste the output of `mysqld --version` or `SELECT VERSION()` to be sure.
options.note-group-assumed-suffix = The instance's --defaults-group-suffix is not known, so these groups were assumed to belong to this instance and their options were counted: {groups}. Paste the unit (systemctl cat) to be sure.
options.note-group-assumed-flavor = These groups are read only by MariaDB; the server flavour is unknown, so MariaDB was assumed and their options were counted: {groups}.
options.note-group-series-assumed = The server version is unknown and the option files have [mysqld-X.Y] groups for several release series: the groups of the assumed version {version} were counted, these were not: {groups}. Paste the output of `mysqld --version` or `SELECT VERSION()` to be sure.
options.note-server-option-in-other-group = "{key}" is in {group} of {file}, a group mysqld does not read, so it has no effect on the server. Move it to [mysqld].
options.note-print-defaults-groups-unknown = The my_print_defaults command line was not pasted, so its output was taken as the groups mysqld reads (my_print_defaults mysqld server).
options.note-log-bin-basename = "{key} = {value}" in {file} does not turn binary logging off: log-bin takes a file name, so the binary logs are named "{value}.000001" and binary logging is ON. Use skip-log-bin (or disable-log-bin) to turn it off.
options.note-persist-not-loaded = persisted_globals_load is OFF, so the server does not read mysqld-auto.cnf: its {count} persisted values were not counted.
options.note-persist-encrypted = mysqld-auto.cnf holds encrypted sensitive variables (mysql_sensitive_variables); their values cannot be read here.
options.note-include-missing = {file} has "{directive}", but the files it includes were not given, so settings in them are unknown. Paste them too, e.g. the output of: {command}
options.note-exec-var-unknown = ExecStart= passes ${var} to mysqld, which comes from an EnvironmentFile= that was not given: options in it are unknown. Paste that file (or the output of `systemctl show -p Environment`) too.
options.note-no-defaults = mysqld is started with --no-defaults: it reads no option file, so the option files given were not counted.
options.note-defaults-file = mysqld is started with --defaults-file={path}: it reads only that file (and what it includes). Check that {files} is that file; otherwise its settings do not apply.
