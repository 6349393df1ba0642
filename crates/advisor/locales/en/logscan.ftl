# logscan: the streaming error-log scanner (en)
logscan.kind-clone = Clone
logscan.kind-restart = Restart
logscan.kind-startup = Startup
logscan.kind-ready = Ready for connections
logscan.kind-shutdown = Shutdown
logscan.kind-crash = Crash
logscan.kind-recovery = Crash recovery
logscan.kind-replication = Replication
logscan.kind-error = Other error
logscan.summary = Scanned {size} ({lines} lines): {seen} events found, {kept} kept.
logscan.progress = Scanned {done} of {total} ({percent}%)
logscan.cancelled = Scan cancelled after {done}; the timeline covers only that part of the log.
logscan.note-nothing = No clone, restart, startup, shutdown, replication, crash, recovery or error lines were found.
logscan.note-dropped = {dropped} of {seen} "{kind}" events were not kept: only the first {head} and the last {tail} of each kind are.
logscan.note-long-lines = {count} lines were longer than {max} and were cut (the first at line {line}; the longest is {longest}).
logscan.note-lossy = {count} kept lines were not valid UTF-8; invalid bytes were replaced with U+FFFD.
logscan.excerpt-name = {name} (excerpt: {kept} of {lines} lines)
