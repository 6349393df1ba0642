# launchers other than systemd and containers: supervisord, runit / daemontools / s6, OpenRC, SysV, Windows (en)
doc.supervisord-conf = supervisord configuration {name}
doc.service-script = {kind} service script {name}
doc.windows-service = Windows service {name}
launchers.parent-launcher = {name} (it starts mysqld itself and waits for it)
launchers.parent-windows-monitor = mysqld's own monitor process (Windows)
launchers.expected-launcher = the supervisor's PID, known only once it runs
launchers.why-missing-supervisord = MYSQLD_PARENT_PID is not set where mysqld runs. supervisord starts the command itself, without a shell, so mysqld's parent is supervisord; none of supervisord's expansions gives its PID, so the variable has to come from a shell: command=/bin/sh -c 'MYSQLD_PARENT_PID=$PPID exec /usr/sbin/mysqld …'.
launchers.why-missing-run = MYSQLD_PARENT_PID is not set where mysqld runs. {launcher} runs ./run and restarts it whenever it exits; with exec, mysqld takes the place of the run script and {launcher} stays its parent, which $PPID names: exec env MYSQLD_PARENT_PID=$PPID … in the run file.
launchers.why-missing = MYSQLD_PARENT_PID is not set where mysqld runs, so mysqld does not count as managed (the check is atoi(MYSQLD_PARENT_PID) == getppid(); here the parent is {parent}).
launchers.why-check-literal = MYSQLD_PARENT_PID={value} ({at}) is a fixed number, and mysqld's parent is supervisord: it matches only while supervisord runs as PID 1 (the main process of a container, nodaemon=true). Cannot tell from the configuration whether it does.
launchers.why-check-windows = On Windows the variable is not compared: mysqld runs under its own monitor process, which counts as the supervisor (no --no-monitor, no --gdb).
launchers.why-check-no-monitor = mysqld runs with --no-monitor or --gdb ({place}): on Windows that turns off the monitor process, so mysqld never counts as managed and RESTART or a clone's restart fails with ERROR 3707.
launchers.why-check-cannot-tell = Cannot tell: the script could not be followed past {place} (eval, a command held in a variable, or branches that start mysqld in different ways).
launchers.exitcodes-default = 0 (the default; 0,2 before supervisor 4.0)
launchers.why-16-supervisord-unexpected = autorestart={autorestart} with exitcodes={exitcodes}: 16 is not an expected exit code, so supervisord starts mysqld again after exit code 16.
launchers.why-16-supervisord-expected = autorestart={autorestart} with exitcodes={exitcodes}: 16 is listed as expected, so supervisord does not start mysqld again after exit code 16.
launchers.why-16-supervisord-always = autorestart={autorestart}: supervisord starts mysqld again after any exit, 16 included.
launchers.why-16-supervisord-never = autorestart={autorestart}: supervisord never starts mysqld again after it exits.
launchers.why-16-supervisord-unknown = autorestart={autorestart} is not a value supervisord accepts (true, false or unexpected): cannot tell what happens after exit code 16.
launchers.why-16-run-again = {daemon} starts ./run again after any exit, 16 included (s6-supervise: unless ./finish exits 125).
launchers.why-16-openrc-supervised = supervisor=supervise-daemon respawns mysqld after any exit, 16 included, until respawn_max respawns happen within respawn_period.
launchers.why-16-openrc-unsupervised = Without supervisor=supervise-daemon, OpenRC starts mysqld through start-stop-daemon and nothing starts it again after it exits.
launchers.why-16-unsupervised = The init script starts mysqld in the background and leaves it: nothing starts it again after exit code 16 (mysql.server uses mysqld_safe, which does).
launchers.why-16-windows = The monitor process starts mysqld again when it exits with code 16.
launchers.why-16-no-monitor = Without the monitor process nothing starts mysqld again after exit code 16.
launchers.why-16-loop-stops = The script's loop ends after exit code 16 ({place}), so mysqld is not started again.
launchers.why-16-loop-cannot-tell = Cannot tell what the script's loop does after exit code 16: its test could not be followed ({place}).
launchers.label-exit16 = decides what happens after exit code 16
launchers.fix-supervisord = Replace [program:{program}] in {file}
launchers.fix-supervisord-reason = supervisord runs a shell that sets MYSQLD_PARENT_PID to its parent ($PPID: supervisord) and execs mysqld with your arguments, so supervisord stays mysqld's parent; exit code 16 is not an expected exit code. Then run: supervisorctl reread && supervisorctl update
launchers.fix-run = Replace {path}
launchers.fix-run-reason = The run file execs mysqld with MYSQLD_PARENT_PID set to the shell's parent, the supervisor that restarts ./run; your other lines stay as they are. The supervisor picks the new file up at the next start of ./run.
launchers.fix-windows = Start the service {service} with its monitor
launchers.fix-windows-reason = Without --no-monitor and --gdb the monitor process runs mysqld and starts it again after RESTART or a clone.
launchers.fix-masked = Values shown as **** are secrets from your input: keep your own values there.
launchers.fix-openrc = Replace {path}
launchers.fix-openrc-reason = supervise-daemon starts a shell that sets MYSQLD_PARENT_PID to its parent ($PPID: supervise-daemon) and execs mysqld with your arguments, and it respawns mysqld after every exit; openrc-run evaluates command_args, so \$PPID reaches the shell unexpanded. Then run: rc-service mysql restart
doc.supervisord-log = supervisord log {name}
