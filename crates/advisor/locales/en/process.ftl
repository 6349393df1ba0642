# process views: ps, pstree, /proc/<pid>/status|stat|environ (en)
doc.process-list = process list {name}
doc.proc-status = /proc/<pid>/status {name}
doc.proc-environ = process environment {name}
process.label-list = {tool}: {count} processes
process.label-list-server = {tool}: mysqld PID {pid}, parent {ppid} ({count} processes)
process.label-proc = /proc/{pid}/{file}: {name}, parent {ppid}
process.label-environ = /proc/{pid}/environ: {count} variables
process.label-environ-no-pid = process environment (/proc/<pid>/environ): {count} variables
process.problem-unknown-column = unknown ps column "{column}": read as one word per row.
process.problem-run-on = line {line}: the environment was pasted without its NUL separators; it was split before each NAME= as a guess. Paste the output of tr '\0' '\n' < /proc/<pid>/environ to be sure.
process.problem-pstree-no-pids = pstree without PIDs: run pstree -p (or -ap) to see each process's parent.
