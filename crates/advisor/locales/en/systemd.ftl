# systemd messages (en)

# Document labels
systemd.label-unit = systemd unit {unit}
systemd.label-unit-described = systemd unit "{description}"
systemd.label-unit-unnamed = systemd unit
systemd.label-dropin = systemd drop-in {path} for {unit}
systemd.label-dropin-unnamed = systemd drop-in {path}
systemd.label-cat = systemctl cat {unit}
systemd.label-cat-dropin = systemctl cat {unit} + 1 drop-in
systemd.label-cat-dropins = systemctl cat {unit} + {count} drop-ins
systemd.label-cat-units = systemctl cat: {count} units ({units})
systemd.label-cat-masked = systemctl cat: {unit} is masked
systemd.label-cat-empty = systemctl cat (no unit files)
systemd.label-show = systemctl show {unit} ({count} properties)
systemd.label-show-units = systemctl show: {units} units ({count} properties)

# Syntax problems (systemd logs a warning and ignores the line)
systemd.problem-dangling-continuation = line {line}: the last line ends with a backslash (line continuation) but nothing follows.
systemd.problem-unknown-section = line {line}: unknown section [{section}]; systemd ignores every setting in it ("Unknown section '{section}'. Ignoring.").
systemd.problem-bad-section = line {line}: invalid section header {text}; systemd rejects it.
systemd.problem-missing-equals = line {line}: "{text}" has no "=", systemd ignores the line ("Missing '=', ignoring line.").
systemd.problem-missing-key = line {line}: the line starts with "=" and has no key name; systemd ignores it.
systemd.problem-outside-section = line {line}: {key}= comes before any [Section] header; systemd ignores it ("Assignment outside of section. Ignoring.").
systemd.problem-masked = line {line}: unit {unit} is masked (linked to /dev/null): systemd will not start it at all.
systemd.problem-not-loaded = line {line}: unit {unit} could not be loaded.
systemd.problem-show-exec = line {line}: the {name}= command block is not closed with "}}".
