# What was observed at run time (journal, systemctl, /proc, containers, MySQL Shell) and how it
# decides the clone_restart verdict (rules/restart/seen.rs; runtime-and-launchers.md §1.3, §3, §4.3, §7).

restart.seen-check-exit16 = mysqld exited with code 16 ({place}): only a server that passes the supervisor check exits with 16, so it was managed.
restart.seen-check-3707 = The server answered ERROR 3707 ({place}): it was not managed by a supervisor when the statement ran.
restart.seen-check-trace = The error log shows MY-013462 ({place}): the clone's restart failed the supervisor check and the server shut itself down.
restart.seen-check-clean = mysqld exited cleanly ({place}) after a clone ({clone}): that is the clean shutdown that follows a failed restart (ERROR 3707, MY-013462).
restart.seen-check-process-managed = The running mysqld's parent is PID {ppid} and its MYSQLD_PARENT_PID is {value} ({place}): they match, so it is managed.
restart.seen-check-process-unmanaged = The running mysqld's parent is PID {ppid}, but its MYSQLD_PARENT_PID is {value} ({place}): mysqld compares atoi({value}) = {atoi} with its parent's PID, so it is not managed.
restart.seen-check-process-unset = The running mysqld's parent is PID {ppid} and MYSQLD_PARENT_PID is not in its environment ({place}): it is not managed.
restart.seen-16-restarted = After the exit with code 16 the supervisor started it again ({place}).
restart.seen-16-refused = After the exit with code 16 the supervisor refused to start it again: the start limit was hit ({place}).
restart.seen-16-down = After the exit with code 16 nothing started it again ({place}).
restart.seen-shell-timeout = MySQL Shell waited for the server to come back after the clone and gave up ({place}). Either the restart failed the supervisor check (ERROR 3707, then a clean shutdown), or nothing restarts exit code 16, or the server took longer to start than dba.restartWaitTimeout (60 seconds by default).
restart.seen-clean-exit = mysqld exited cleanly ({place}), but nothing in the input shows a clone before it: a normal stop looks the same.
restart.verdict-fails-seen = The clone's automatic restart fails: {why}
restart.verdict-works-seen = The clone's automatic restart works: {why}
restart.verdict-stays-down-seen = mysqld accepts the clone's restart but stays down: {why}
restart.verdict-unknown-timeout = The server did not come back after the clone, and the input does not show why.
restart.missing-after-timeout = The instance's error log since the clone (or `journalctl -u mysqld --since "-1h"`): MY-013462 there means the restart failed the supervisor check; an exit with code 16 means nothing restarted it.
restart.label-seen-check = observed: the supervisor check
restart.label-seen-16 = observed: after exit code 16
restart.label-seen-timeout = observed: the server did not come back

restart-evidence-conflict.name = Observation contradicts the configuration
restart-evidence-conflict.passed-title = What was observed agrees with the configuration
restart-evidence-conflict.title = What happened contradicts the configuration shown
restart-evidence-conflict.check-managed = The configuration shown predicts that mysqld passes the supervisor check; what was observed says otherwise. {seen}
restart-evidence-conflict.check-unmanaged = The configuration shown predicts that mysqld fails the supervisor check; what was observed says otherwise. {seen}
restart-evidence-conflict.exit16-yes = The configuration shown restarts mysqld after exit code 16; what was observed says otherwise. {seen}
restart-evidence-conflict.exit16-no = The configuration shown does not restart mysqld after exit code 16; what was observed says otherwise. {seen}
restart-evidence-conflict.why-systemd = The running service was not started from the configuration as shown: it was edited after the last start, or systemd has not loaded it (no `systemctl daemon-reload`), or the pasted file is not the one in use (another unit, another drop-in, another host). The observation decides the verdict.
restart-evidence-conflict.why-other = The running server was not started from the configuration as shown: it was changed after the last start, or the pasted configuration is not the one in use. The observation decides the verdict.
restart-evidence-conflict.fix = Load the configuration and restart mysqld once, so that it runs as configured
restart-evidence-conflict.fix-reason = Restarting mysqld interrupts its clients; do it in a maintenance window. Then check again with `systemctl show mysqld -p Environment,NRestarts` and `tr '\0' '\n' < /proc/$(pidof mysqld)/environ`.
restart-evidence-conflict.passed = What was observed agrees with the configuration.
restart-evidence-conflict.na = Nothing observed at run time to compare with the configuration.
restart-evidence-conflict.label-predicted = the configuration predicts
restart-evidence-conflict.label-seen = observed
restart-evidence-conflict.why-history = The failure happened at the last clone; the configuration shown passes now. If it was changed since, systemd (or the container runtime) starts mysqld with it only after `systemctl daemon-reload` and one restart of mysqld — until then the next clone fails the same way. The verdict follows the configuration shown, with this caveat.
